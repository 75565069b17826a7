using System.Globalization;
using System.Text.RegularExpressions;
using BackgroundBot.Knowledge;
using BackgroundBot.Quizzes;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Quizzes;

/// <summary>Questions built from the starter pack's facts, with no model: the key from the fact, distractors of its kind and never true.</summary>
public sealed class QuizGeneratorTests
{
    private static readonly string[] Kinds = ["Date", "Place", "Party", "Number"];

    [Fact]
    public void Every_dated_fact_asks_only_questions_whose_key_it_supports_and_whose_distractors_are_false_and_of_its_kind()
    {
        using var store = new TestStore(pack: true);
        var generator = new QuizGenerator(store.Store);
        var facts = store.Store.ListFacts().Where(f => f.Date is not null).ToList();
        var places = store.Store.ListFacts().SelectMany(f => f.Places).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parties = store.Store.ListFacts().SelectMany(f => f.Parties).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aliases = store.Store.ListAliases();
        var problems = new List<string>();
        var asked = new Dictionary<QuizKind, int>();

        Assert.True(facts.Count >= 200, $"the starter pack has {facts.Count} dated facts");
        foreach (var fact in facts)
        {
            for (var seed = 0; seed < 5; seed++)
            {
                foreach (var q in generator.QuestionsFor(fact, new Random(seed)))
                {
                    asked[q.Kind] = asked.GetValueOrDefault(q.Kind) + 1;
                    problems.AddRange(Check(fact, q, places, parties, aliases, store.Store).Select(p => $"fact {fact.Id} {q.Kind} (seed {seed}): {p}"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
        Assert.Equal(facts.Count * 5, asked[QuizKind.Date]);
        Assert.All(Enum.GetValues<QuizKind>(), k => Assert.True(asked.GetValueOrDefault(k) > 100, $"{k}: {asked.GetValueOrDefault(k)} questions"));
    }

    private static IEnumerable<string> Check(Fact fact, QuizQuestion q, HashSet<string> places, HashSet<string> parties, IReadOnlyList<AliasGroup> aliases, IKnowledgeStore store)
    {
        if (q.Options.Count != 4 || q.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() != 4)
        {
            yield return $"options are not four different ones: {string.Join(" | ", q.Options)}";
        }

        if (q.FactId != fact.Id || !q.Prompt.Contains(QuizGenerator.Blank, StringComparison.Ordinal) && q.Kind != QuizKind.Date)
        {
            yield return $"prompt does not blank the asked value: {q.Prompt}";
        }

        var distractors = q.Options.Where((_, i) => i != q.Answer).ToList();
        var siblings = fact.Dispute is { } d ? store.FactsInDispute(d).Where(f => f.Id != fact.Id).ToList() : [];
        switch (q.Kind)
        {
            case QuizKind.Date:
                var year = int.Parse(fact.Date![..4], CultureInfo.InvariantCulture);
                var end = fact.DateEnd is null ? year : int.Parse(fact.DateEnd[..4], CultureInfo.InvariantCulture);
                if (q.RightOption != year.ToString(CultureInfo.InvariantCulture))
                {
                    yield return $"key {q.RightOption} is not the fact's year {year}";
                }

                if (Regex.IsMatch(q.Prompt, $@"\b{year}\b"))
                {
                    yield return $"the prompt shows the year: {q.Prompt}";
                }

                foreach (var option in distractors)
                {
                    if (!Regex.IsMatch(option, @"^\d{4}$"))
                    {
                        yield return $"distractor {option} is not a year";
                    }
                    else if (int.Parse(option, CultureInfo.InvariantCulture) is var y && (y >= year && y <= end || Math.Abs(y - year) > 15
                        || siblings.Any(s => s.Date?.StartsWith(option, StringComparison.Ordinal) == true)))
                    {
                        yield return $"distractor {option} is true or implausible for {fact.Date}..{fact.DateEnd}";
                    }
                }

                break;
            case QuizKind.Place:
                var groupOf = (string name) => aliases.FirstOrDefault(a => a.Names.Contains(name, StringComparer.OrdinalIgnoreCase))?.Names ?? [name];
                var factNames = fact.Places.SelectMany(groupOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (!factNames.Contains(q.Value) || !Regex.IsMatch(fact.Statement, $@"\b{Regex.Escape(q.Value)}\b") || !NamesIn(q.RightOption).Contains(q.Value))
                {
                    yield return $"key {q.Value} is not a place of the fact named in its statement";
                }

                foreach (var option in distractors)
                {
                    var names = NamesIn(option);
                    if (!names.Any(places.Contains))
                    {
                        yield return $"distractor {option} is not a place of any fact";
                    }

                    if (names.Any(factNames.Contains) || names.Any(n => fact.Statement.Contains(n, StringComparison.Ordinal)))
                    {
                        yield return $"distractor {option} is a place of this fact";
                    }
                }

                break;
            case QuizKind.Party:
                if (!fact.Parties.Contains(q.RightOption) || !fact.Statement.Contains(q.RightOption, StringComparison.Ordinal))
                {
                    yield return $"key {q.RightOption} is not a party of the fact named in its statement";
                }

                foreach (var option in distractors)
                {
                    if (!parties.Contains(option) || fact.Parties.Contains(option, StringComparer.OrdinalIgnoreCase) || fact.Statement.Contains(option, StringComparison.Ordinal))
                    {
                        yield return $"distractor {option} is no party, or a party of this fact";
                    }

                    if (QuizGenerator.PartyKindOf(option) != QuizGenerator.PartyKindOf(q.RightOption))
                    {
                        yield return $"distractor {option} is not of the kind of {q.RightOption}";
                    }
                }

                break;
            case QuizKind.Number:
                if (!Regex.IsMatch(fact.Statement, $@"(?<![\d,]){Regex.Escape(q.RightOption)}(?![\d,]\d)"))
                {
                    yield return $"key {q.RightOption} is not in the statement";
                }

                var value = QuizGenerator.ParseNumber(q.RightOption);
                foreach (var option in distractors)
                {
                    if (!Regex.IsMatch(option, @"^\d{1,3}(,\d{3})*$|^\d+$"))
                    {
                        yield return $"distractor {option} is not a number";
                    }
                    else if (QuizGenerator.ParseNumber(option) is var n && (n == value || n > value * 5 || n < value / 5
                        || Regex.IsMatch(fact.Statement + " " + string.Join(' ', siblings.Select(s => s.Statement)), $@"(?<![\d,]){Regex.Escape(option)}(?![\d,]\d)")))
                    {
                        yield return $"distractor {option} is true or not of the size of {q.RightOption}";
                    }
                }

                break;
        }
    }

    // "Shusha (Shushi)" names two.
    private static string[] NamesIn(string option) => option.TrimEnd(')').Split(" (");

    [Fact]
    public void A_quiz_mixes_kinds_keeps_to_its_topic_and_never_asks_a_fact_twice()
    {
        using var store = new TestStore(pack: true);

        var questions = new QuizGenerator(store.Store).Generate("ceasefire", 8, new Random(7));

        Assert.Equal(8, questions.Count);
        Assert.Equal(8, questions.Select(q => q.FactId).Distinct().Count());
        Assert.All(questions, q => Assert.Equal("ceasefire", store.Store.FindFact(q.FactId)!.Topic));
        Assert.True(questions.Select(q => q.Kind).Distinct().Count() >= 3, string.Join(", ", questions.Select(q => q.Kind)));
    }
}
