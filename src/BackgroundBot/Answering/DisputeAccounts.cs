using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>
/// Both accounts, always: when an answer cites one side's account of a disputed event (a fact with a dispute key),
/// the other sides' accounts of the same event are given too, each in its own attributed words, right after it. For a
/// question that asks for the sides' accounts, an independent finding on the dispute (no side's claim) joins them.
/// </summary>
public sealed class DisputeAccounts(IKnowledgeStore store)
{
    /// <summary>The side a claim belongs to, read from whose account it is.</summary>
    public static string SideOf(string? claimedBy)
    {
        if (string.IsNullOrWhiteSpace(claimedBy))
        {
            return "independent";
        }

        var armenian = claimedBy.Contains("armenia", StringComparison.OrdinalIgnoreCase) || claimedBy.Contains("artsakh", StringComparison.OrdinalIgnoreCase)
            || claimedBy.Contains("karabakh", StringComparison.OrdinalIgnoreCase) || claimedBy.Contains("yerevan", StringComparison.OrdinalIgnoreCase);
        var azerbaijani = claimedBy.Contains("azerbaijan", StringComparison.OrdinalIgnoreCase) || claimedBy.Contains("baku", StringComparison.OrdinalIgnoreCase);
        return (armenian, azerbaijani) switch
        {
            (true, false) => "Armenian",
            (false, true) => "Azerbaijani",
            _ => claimedBy.Trim(),
        };
    }

    /// <summary>
    /// For an answer that cites <paramref name="cited"/>: the accounts of other sides of every dispute it cites one
    /// account of, each with the passage that holds it, in the order the disputes are cited.
    /// </summary>
    public IReadOnlyList<(Fact Account, Passage Passage)> MissingAccounts(IReadOnlyList<Passage> cited)
    {
        ArgumentNullException.ThrowIfNull(cited);
        var facts = cited.Select(p => p.FactId is { } id ? store.FindFact(id) : null).OfType<Fact>().ToList();
        var missing = new List<(Fact, Passage)>();
        foreach (var dispute in facts.Select(f => f.Dispute).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var sidesGiven = facts.Where(f => f.Dispute == dispute).Select(f => SideOf(f.ClaimedBy)).ToHashSet(StringComparer.Ordinal);
            foreach (var account in store.FactsInDispute(dispute).Where(a => a.ClaimedBy is not null))
            {
                if (sidesGiven.Add(SideOf(account.ClaimedBy)) && account.PassageId is { } passageId && store.FindPassage(passageId) is { Retired: false } passage)
                {
                    missing.Add((account, passage));
                }
            }
        }

        return missing;
    }

    /// <summary>How many sides' accounts (not independent findings) the evidence gives.</summary>
    public static int SidesGiven(IEnumerable<Evidence> evidence) =>
        evidence.Where(e => e.Fact?.ClaimedBy is not null).Select(e => SideOf(e.Fact!.ClaimedBy)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The evidence with every cited dispute's other accounts added after the account that raised it.</summary>
    public IReadOnlyList<Evidence> Complete(IReadOnlyList<Evidence> chosen, bool askedForAccounts)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var completed = new List<Evidence>(chosen.Count + 2);
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var evidence in chosen)
        {
            if (completed.Any(e => e.Passage.Id == evidence.Passage.Id && e.Sentence == evidence.Sentence))
            {
                continue;
            }

            completed.Add(evidence);
            if (evidence.Fact?.Dispute is not { } dispute || !done.Add(dispute))
            {
                continue;
            }

            var accounts = store.FactsInDispute(dispute);
            var sidesGiven = chosen.Where(e => e.Fact?.Dispute == dispute).Select(e => SideOf(e.Fact!.ClaimedBy)).ToHashSet(StringComparer.Ordinal);
            foreach (var account in accounts.Where(a => a.Id != evidence.Fact.Id))
            {
                var side = SideOf(account.ClaimedBy);
                var wanted = account.ClaimedBy is null ? askedForAccounts : true;
                if (!wanted || !sidesGiven.Add(side) || account.PassageId is not { } passageId || store.FindPassage(passageId) is not { Retired: false } passage)
                {
                    continue;
                }

                completed.RemoveAll(e => e.Passage.Id == passage.Id);
                completed.Add(new Evidence(passage, passage.Text, evidence.Coverage, evidence.Score, account, evidence.Relevance));
            }
        }

        return completed;
    }
}
