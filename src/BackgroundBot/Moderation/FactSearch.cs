using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Moderation;

/// <summary>
/// Finds live facts by words and by meaning, with the retrieval answers use (aliases, misspellings, embeddings), so a
/// moderator sees the facts a question would meet; <c>facts search</c> and Discord's <c>/facts search</c>.
/// </summary>
public sealed class FactSearch(IKnowledgeStore store, Retriever retriever)
{
    public async Task<IReadOnlyList<Fact>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // Deeper than an answer looks: article passages compete for the same places, and only facts are shown.
        var hits = await retriever.SearchAsync(retriever.Analyze(text), cancellationToken, depth: Math.Max(limit * 5, 50));
        return hits
            .Where(h => h.Passage.FactId is not null)
            .Select(h => store.FindFact(h.Passage.FactId!.Value))
            .OfType<Fact>()
            .Where(f => f.Status == FactStatus.Active)
            .DistinctBy(f => f.Id)
            .Take(limit)
            .ToList();
    }
}
