using BackgroundBot.Bot;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Community;

/// <summary>
/// Autocomplete for <c>/ask</c>: questions the store answers, one or more per topic, ranked by the words typed so far.
/// What the member typed always stays the first choice.
/// </summary>
public sealed class SuggestedQuestions(TextAnalyzer analyzer)
{
    private static readonly string[] Questions =
    [
        "When was the 1994 ceasefire signed and where?",
        "What was the Bishkek Protocol?",
        "Who were the OSCE Minsk Group co-chairs?",
        "What were the Madrid Principles?",
        "What happened in the April 2016 fighting?",
        "How long did the 2020 war last?",
        "Who brokered the ceasefire that ended the 2020 war?",
        "Which districts were handed over in 2020?",
        "How many Russian peacekeepers were deployed in 2020?",
        "What is the Lachin corridor?",
        "What happened to the Lachin corridor in December 2022?",
        "What happened in September 2023?",
        "How many Armenians left Nagorno-Karabakh in 2023?",
        "When did the breakaway republic dissolve?",
        "When was the Nagorno-Karabakh Autonomous Oblast created?",
        "What happened to Shushi (Shusha) in 2020?",
        "What does the EU mission in Armenia do?",
        "When did the Russian peacekeepers leave?",
        "What was agreed in Washington in August 2025?",
        "What role did the United States play in the peace talks?",
    ];

    private readonly Lazy<IReadOnlyList<(string Question, HashSet<string> Terms)>> _indexed =
        new(() => Questions.Select(q => (q, analyzer.AnalyzeQuestion(q).ToHashSet(StringComparer.Ordinal))).ToList());

    public IReadOnlyList<string> For(string typed, int count = 10)
    {
        typed = (typed ?? "").Trim();
        if (typed.Length == 0)
        {
            return Questions.Take(count).ToList();
        }

        var terms = analyzer.AnalyzeQuestion(typed);
        var ranked = _indexed.Value
            .Select(q => (q.Question, Score: terms.Count(q.Terms.Contains) + (q.Question.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 10 : 0)))
            .Where(q => q.Score > 0)
            .OrderByDescending(q => q.Score)
            .Select(q => q.Question);
        return new[] { DiscordLimits.Trim(typed, DiscordLimits.ChoiceName) }.Concat(ranked).Distinct().Take(count).ToList();
    }
}
