using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>
/// Numbers the passages an answer cites in the order the answer first cites them, so <c>[1]</c> is always the
/// first source a reader meets.
/// </summary>
public sealed class CitationList(FactStore store)
{
    private readonly List<Citation> _citations = [];

    public IReadOnlyList<Citation> Citations => _citations;

    /// <summary>The number of <paramref name="passage"/> in this answer, adding it on first use.</summary>
    public int NumberOf(Passage passage)
    {
        var existing = _citations.FindIndex(c => c.PassageId == passage.Id);
        if (existing >= 0)
        {
            return _citations[existing].N;
        }

        var article = store.FindArticle(passage.ArticleId)
            ?? throw new InvalidOperationException($"Passage {passage.Id} belongs to article {passage.ArticleId}, which is not in the store.");
        var citation = new Citation(_citations.Count + 1, passage.Id, article.Id, article.Title, article.Url, article.Published, passage.Text);
        _citations.Add(citation);
        return citation.N;
    }
}
