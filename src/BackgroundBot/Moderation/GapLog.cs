using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Moderation;

/// <summary>
/// Records every question declined as not covered, grouping similar ones (most of their terms shared) and counting
/// them, so moderators see what to add next. Keeps the latest wording, when it was asked, and the askers' ids only.
/// </summary>
public sealed class GapLog(IModerationStore store, Retriever retriever, TimeProvider time)
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

    /// <summary>
    /// Marks a gap as not worth covering (an off-topic question): it leaves the open list, and asking it again still
    /// counts but does not reopen it. Audited, and undone like any curation.
    /// </summary>
    public CurationResult<Gap> Dismiss(int id, string reason, string actor)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CurationResult<Gap>.Refused("Dismissing a gap needs a reason; it is kept in the audit.");
        }

        return store.Write(write =>
        {
            if (store.FindGap(id) is not { } gap)
            {
                return CurationResult<Gap>.NotFound($"No gap with id {id}; `gaps` lists them.");
            }

            if (gap.DismissedAt is not null)
            {
                return CurationResult<Gap>.Refused($"Gap {id} was already dismissed by {gap.DismissedBy}: {gap.DismissReason}");
            }

            var dismissed = write.PutGap(gap with { DismissedAt = time.GetUtcNow(), DismissedBy = actor, DismissReason = reason.Trim() });
            var audit = write.Knowledge().Audit(time.GetUtcNow(), actor, "gap.dismiss", $"gap/{id}", GapDismissal.Of(gap), GapDismissal.Of(dismissed));
            return CurationResult<Gap>.Done($"Dismissed gap {id} (\"{gap.Question}\"); `gaps --all` still shows it.", dismissed, audit.Id);
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
