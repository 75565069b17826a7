namespace BackgroundBot.Retrieval;

/// <summary>
/// One thing a question asks about: a single term, or a name with its aliases, where each alternative is the
/// term sequence of one name (["stepanakert"], ["khankendi"]). A passage matches the group through any alternative.
/// </summary>
/// <param name="Alternatives">The term sequences that each count as a match.</param>
/// <param name="Weight">
/// How much the group counts when judging whether a sentence answers: 1 for the question itself, less for
/// context carried over from a previous question in a follow-up.
/// </param>
/// <param name="Synonyms">
/// Whether the alternatives are words that mean the same (a <see cref="Knowledge.AliasKind.Term"/> group: "blockade",
/// "closure"), which count as one concept as rare as all of them together; a place's or party's names each keep their
/// own rarity, as a passage names the place by one of them.
/// </param>
public sealed record QueryGroup(IReadOnlyList<IReadOnlyList<string>> Alternatives, double Weight = 1.0, bool Synonyms = false)
{
    public static QueryGroup Single(string term) => new([[term]]);

    public IEnumerable<string> Terms => Alternatives.SelectMany(a => a).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// How much of the group <paramref name="terms"/> hold: 1 when an alternative is complete, otherwise the best share
    /// of an alternative's terms ("2020" alone half-matches "2020 war").
    /// </summary>
    public double MatchShare(IReadOnlySet<string> terms) =>
        Alternatives.Max(a => (double)a.Count(terms.Contains) / a.Count);
}
