using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Moderation;

/// <summary>
/// Records every question declined as not covered, grouping similar ones (most of their terms shared) and counting
/// them, so moderators see what to add next. Keeps the latest wording, when it was asked, and the askers' ids only.
/// </summary>
public sealed class GapLog(FactStore store, Retriever retriever, TimeProvider time)
{
    // Questions sharing at least this share of their terms are one gap ("who monitors the border" ~ "who monitored the border?").
    private const double SameGap = 0.6;

    private const int MaxAskerIds = 50;

    public Gap Record(string question, string? askerId)
    {
        ArgumentNullException.ThrowIfNull(question);
        var terms = retriever.Analyzer.AnalyzeQuestion(question).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow();
        return store.Write(write =>
        {
            var existing = store.ListGaps().Select(g => (Gap: g, Similarity: Similarity(g.Terms, terms))).Where(x => x.Similarity >= SameGap)
                .OrderByDescending(x => x.Similarity).Select(x => x.Gap).FirstOrDefault();
            var askers = (existing?.AskerIds ?? []).ToList();
            if (askerId is not null && !askers.Contains(askerId) && askers.Count < MaxAskerIds)
            {
                askers.Add(askerId);
            }

            return write.PutGap(existing is null
                ? new Gap { Terms = terms, Question = question.Trim(), Count = 1, FirstAsked = now, LastAsked = now, AskerIds = askers }
                : existing with { Question = question.Trim(), Count = existing.Count + 1, LastAsked = now, AskerIds = askers });
        });
    }

    private static double Similarity(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var union = a.Union(b, StringComparer.Ordinal).Count();
        return union == 0 ? 0 : (double)a.Intersect(b, StringComparer.Ordinal).Count() / union;
    }
}
