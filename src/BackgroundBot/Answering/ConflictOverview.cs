using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Answering;

/// <summary>
/// "Explain the conflict": one key fact from each period, in date order, rather than whatever shares the question's
/// few words. Each period has a headline of what members and sources name as its key events; the undisputed, dated
/// fact of that period closest in meaning to the headline stands for it. Facts only, since their dates are curated;
/// disputed ones are left out, as each would bring every side's account with it into a five-line overview.
/// </summary>
public sealed class ConflictOverview(SemanticSearch semantic, IKnowledgeStore store)
{
    /// <summary>Fewer periods than this found is no overview; the question is answered as any other.</summary>
    public const int MinPeriods = 3;

    // How many of the closest passages to a headline are looked through for a fact of its period.
    private const int Depth = 60;

    private static readonly (int From, int To, string Headline)[] Periods =
    [
        (1700, 1987, "The Soviet authorities made Nagorno-Karabakh an autonomous oblast within Soviet Azerbaijan in the 1920s."),
        (1988, 1991, "In 1988 Nagorno-Karabakh's regional soviet asked to transfer the region from Soviet Azerbaijan to Soviet Armenia."),
        (1992, 1994, "The May 1994 ceasefire took effect, ending the war over Nagorno-Karabakh."),
        (1995, 2019, "In April 2016 the heaviest fighting since the 1994 ceasefire broke out along the line of contact."),
        (2020, 2020, "The 44-day war of 2020 between Azerbaijan and Armenia and the November 2020 statement that ended it."),
        (2021, 2100, "Azerbaijan's September 2023 offensive, after which most Karabakh Armenians left for Armenia."),
    ];

    private Task<float[]?[]>? _headlines;

    /// <summary>The overview's sentences in date order; empty when meaning is switched off or too few periods have one.</summary>
    public async Task<IReadOnlyList<Evidence>> ComposeAsync(CancellationToken cancellationToken)
    {
        if (!semantic.Enabled)
        {
            return [];
        }

        // Headlines are embedded once; a failed attempt is retried on the next broad question.
        var headlines = await (_headlines ??= Task.WhenAll(Periods.Select(p => semantic.EmbedQuestionAsync(p.Headline, cancellationToken))));
        if (headlines.Any(h => h is null))
        {
            _headlines = null;
            return [];
        }

        var chosen = new List<(int Year, Evidence Evidence)>();
        for (var i = 0; i < Periods.Length; i++)
        {
            var (from, to, _) = Periods[i];
            foreach (var (passageId, similarity) in semantic.Search(headlines[i]!, Depth))
            {
                if (store.FindPassage(passageId) is { Retired: false, FactId: { } factId } passage
                    && store.FindFact(factId) is { ClaimedBy: null, Dispute: null } fact
                    && EvidenceSelector.YearsOf("", fact) is { } years && years.From >= from && years.From <= to)
                {
                    chosen.Add((years.From, new Evidence(passage, passage.Text, 0, similarity, fact, similarity)));
                    break;
                }
            }
        }

        return chosen.Count < MinPeriods ? [] : [.. chosen.OrderBy(c => c.Year).Select(c => c.Evidence)];
    }
}
