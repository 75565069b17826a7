using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>
/// Numbers the passages an answer cites in the order the answer first cites them, so <c>[1]</c> is always the
/// first source a reader meets.
/// </summary>
public sealed class CitationList(IKnowledgeStore store)
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

        var source = store.DescribeSource(passage);
        var citation = new Citation(_citations.Count + 1, passage.Id, source.ArticleId, source.Title, source.Url, source.Published, passage.Text, source.FactId);
        _citations.Add(citation);
        return citation.N;
    }
}
