using System.Globalization;
using System.Text.RegularExpressions;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Quizzes;

/// <summary>
/// Builds quiz questions from the store's facts with no model: one fact's statement with its date, a place, a party or a
/// number blanked out, the fact's value as the right option and three distractors of the same kind (years near the
/// true one, other places, parties of the same kind, numbers of the same size), none of them true for the question:
/// a period's other years, a disputed event's other accounts, and anything the statement itself shows are left out.
/// </summary>
public sealed partial class QuizGenerator(IKnowledgeStore store)
{
    public const string Blank = "____";

    // A place named in more than this share of facts ("Nagorno-Karabakh") is too broad to be the answer of a question.
    private const double BroadPlaceShare = 0.15;

    private static readonly int[] YearOffsets = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 8, -8, 10, -10, 12, -12, 15, -15];
    private static readonly double[] NumberFactors = [0.5, 2, 1.5, 0.75, 3, 0.25, 4, 1.25];

    /// <summary>Up to <paramref name="count"/> questions on live dated facts (of one topic), no fact twice, kinds mixed.</summary>
    public IReadOnlyList<QuizQuestion> Generate(string? topic, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var catalog = Catalog.Read(store);
        var facts = catalog.Facts
            .Where(f => f.Date is not null && (topic is null || string.Equals(f.Topic, topic, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(_ => random.Next())
            .ToList();
        var questions = new List<QuizQuestion>();
        var kinds = Enum.GetValues<QuizKind>();
        foreach (var fact in facts)
        {
            if (questions.Count == count)
            {
                break;
            }

            // Take turns over the kinds, so a quiz is not all dates; a fact that cannot ask the kind due asks another.
            var due = kinds[questions.Count % kinds.Length];
            var options = QuestionsFor(fact, catalog, random);
            if ((options.FirstOrDefault(q => q.Kind == due) ?? options.FirstOrDefault()) is { } question)
            {
                questions.Add(question);
            }
        }

        return questions;
    }

    /// <summary>Every question the fact can ask, one per kind it supports.</summary>
    public IReadOnlyList<QuizQuestion> QuestionsFor(Fact fact, Random random)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return QuestionsFor(fact, Catalog.Read(store), random);
    }

    private IReadOnlyList<QuizQuestion> QuestionsFor(Fact fact, Catalog catalog, Random random)
    {
        var siblings = fact.Dispute is { } dispute ? store.FactsInDispute(dispute).Where(f => f.Id != fact.Id).ToList() : [];
        return new[]
        {
            DateQuestion(fact, siblings, random),
            PlaceQuestion(fact, catalog, random),
            PartyQuestion(fact, catalog, random),
            NumberQuestion(fact, siblings, random),
        }.OfType<QuizQuestion>().ToList();
    }

    private static QuizQuestion? DateQuestion(Fact fact, IReadOnlyList<Fact> siblings, Random random)
    {
        if (fact.Date is null)
        {
            return null;
        }

        var year = YearOf(fact.Date);
        // True for the question: any year of the period, and the year another account of the same event gives.
        var taken = new HashSet<int>(Enumerable.Range(year, Math.Max(1, (fact.DateEnd is null ? year : YearOf(fact.DateEnd)) - year + 1)));
        taken.UnionWith(siblings.Where(s => s.Date is not null).Select(s => YearOf(s.Date!)));
        var distractors = YearOffsets.Select(o => year + o).Where(y => !taken.Contains(y)).Take(8)
            .OrderBy(_ => random.Next()).Take(3).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var prompt = DateText(yearText).Replace(fact.Statement, Blank);
        var ask = fact.DateEnd is null ? "In which year?" : "In which year did this begin?";
        return Build(fact, QuizKind.Date, $"{ask} {prompt}", yearText, yearText, distractors, random);
    }

    private static QuizQuestion? PlaceQuestion(Fact fact, Catalog catalog, Random random)
    {
        var groups = fact.Places.Select(catalog.PlaceGroup).ToList();
        var asked = groups.FirstOrDefault(g => !catalog.IsBroadPlace(g) && g.Names.Any(n => Word(n).IsMatch(fact.Statement)));
        if (asked is null)
        {
            return null;
        }

        var candidates = catalog.Places
            .Where(p => !groups.Contains(p) && !p.Names.Any(n => Word(n).IsMatch(fact.Statement)) && !catalog.IsBroadPlace(p))
            .ToList();
        // Plausible first: places named in facts of the same topic.
        var sameTopic = candidates.Where(p => catalog.PlaceTopics[p].Contains(fact.Topic)).ToList();
        var pool = sameTopic.Count >= 3 ? sameTopic : candidates;
        var distractors = pool.OrderBy(_ => random.Next()).Take(3).Select(p => p.Display).ToList();
        // The key is the name as the statement gives it (Aghdam, not the group's Agdam), so the fact visibly supports it.
        var named = asked.Names.First(n => Word(n).IsMatch(fact.Statement));
        return Build(fact, QuizKind.Place, $"Which place? {BlankNames(fact.Statement, asked.Names)}", named, asked.Display.Contains(named, StringComparison.Ordinal) ? asked.Display : named, distractors, random);
    }

    private static QuizQuestion? PartyQuestion(Fact fact, Catalog catalog, Random random)
    {
        var asked = fact.Parties.FirstOrDefault(p => Word(p).IsMatch(fact.Statement) && !fact.Places.Contains(p, StringComparer.OrdinalIgnoreCase));
        if (asked is null)
        {
            return null;
        }

        var kind = PartyKindOf(asked);
        var distractors = catalog.Parties
            // Not named in the statement even inside a word: "Armenia" is no wrong answer where it says "Armenian forces".
            .Where(p => PartyKindOf(p) == kind && !fact.Parties.Contains(p, StringComparer.OrdinalIgnoreCase) && !fact.Statement.Contains(p, StringComparison.OrdinalIgnoreCase)
                && !p.Contains(asked, StringComparison.OrdinalIgnoreCase) && !asked.Contains(p, StringComparison.OrdinalIgnoreCase))
            .OrderBy(_ => random.Next()).Take(3).ToList();
        var ask = kind == PartyKind.Organisation ? "Which organisation?" : "Who?";
        return Build(fact, QuizKind.Party, $"{ask} {BlankNames(fact.Statement, [asked])}", asked, asked, distractors, random);
    }

    private static QuizQuestion? NumberQuestion(Fact fact, IReadOnlyList<Fact> siblings, Random random)
    {
        var match = Numbers().Matches(fact.Statement).FirstOrDefault(m => IsQuantity(fact.Statement, m));
        if (match is null)
        {
            return null;
        }

        var value = ParseNumber(match.Value);
        var grouped = match.Value.Contains(',', StringComparison.Ordinal);
        // True for the question: every number the statement or another account of the same event gives.
        var said = string.Join(' ', siblings.Select(s => s.Statement).Prepend(fact.Statement));
        var distractors = NumberFactors.Select(f => Round(value * f, value)).Where(n => n >= 1 && n != value).Distinct()
            .Select(n => FormatNumber(n, grouped))
            .Where(n => !Regex.IsMatch(said, $@"(?<![\d,]){Regex.Escape(n)}(?![\d,]\d)", RegexOptions.CultureInvariant))
            .Take(6).OrderBy(_ => random.Next()).Take(3).ToList();
        var prompt = string.Concat(fact.Statement.AsSpan(0, match.Index), Blank, fact.Statement.AsSpan(match.Index + match.Length));
        return Build(fact, QuizKind.Number, $"Which number? {prompt}", match.Value, match.Value, distractors, random);
    }

    private static QuizQuestion? Build(Fact fact, QuizKind kind, string prompt, string value, string right, List<string> distractors, Random random)
    {
        distractors = distractors.Where(d => !string.Equals(d, right, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (distractors.Count < 3)
        {
            return null;
        }

        var options = distractors.Take(3).Append(right).OrderBy(_ => random.Next()).ToList();
        return new QuizQuestion
        {
            FactId = fact.Id,
            Kind = kind,
            Prompt = prompt,
            Options = options,
            Answer = options.IndexOf(right),
            Value = value,
            SourceTitle = fact.Source?.Title ?? $"Curated fact {fact.Id}",
            SourceUrl = fact.Source?.Url,
        };
    }

    internal enum PartyKind
    {
        State,
        Organisation,
        Group,
    }

    // Mediators with mediators: organisations (the Minsk Group, the ICRC) apart from states and from peoples and sides.
    internal static PartyKind PartyKindOf(string party) =>
        Organisations().IsMatch(party) ? PartyKind.Organisation
        : party.StartsWith("Armenians", StringComparison.Ordinal) || party.Contains("Republic", StringComparison.Ordinal) || party.Contains("SSR", StringComparison.Ordinal)
            || party.Contains("Khanate", StringComparison.Ordinal) || party.Contains("Empire", StringComparison.Ordinal) || party.Contains("community", StringComparison.Ordinal)
            || party.Contains("Oblast", StringComparison.Ordinal) ? PartyKind.Group
        : PartyKind.State;

    internal static int YearOf(string date) => int.Parse(date.AsSpan(0, 4), CultureInfo.InvariantCulture);

    internal static double ParseNumber(string text) => double.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    // A quantity, not part of a date: no year (1750 to 2100), no day of a month ("5 July", "July 5"), no "1".
    private static bool IsQuantity(string statement, Match match)
    {
        // Whole counts only: no decimals (6.5 %), no clock times or codes with a leading zero (08).
        if (match.Value.Contains('.', StringComparison.Ordinal) || match.Value.StartsWith('0'))
        {
            return false;
        }

        var value = ParseNumber(match.Value);
        if (value < 2 || (value is >= 1700 and <= 2100 && !match.Value.Contains(',', StringComparison.Ordinal) && match.Value.Length == 4))
        {
            return false;
        }

        var after = statement.AsSpan(match.Index + match.Length);
        var before = statement.AsSpan(0, match.Index);
        return !(value <= 31 && (Month().IsMatch(after.ToString()) || MonthBefore().IsMatch(before.ToString())))
            && !(after.Length > 0 && after[0] is '-' or '/' or '%' or '.') && !(before.Length > 0 && before[^1] is '-' or '/' or '.');
    }

    // As round as the original: 360,000 gives 180,000 and 720,000, not 179,999; 39 gives 78 and 20.
    private static double Round(double candidate, double original)
    {
        var unit = 1.0;
        while (original % (unit * 10) == 0 && unit * 10 < original)
        {
            unit *= 10;
        }

        return Math.Round(candidate / unit, MidpointRounding.AwayFromZero) * unit;
    }

    private static string FormatNumber(double value, bool grouped) =>
        value.ToString(grouped ? "#,0" : "0", CultureInfo.InvariantCulture);

    private static string BlankNames(string statement, IReadOnlyList<string> names)
    {
        // "Shusha (Shushi)" is one mention: blank it whole, then any name left.
        var text = statement;
        foreach (var name in names)
        {
            foreach (var other in names.Where(o => o != name))
            {
                text = text.Replace($"{name} ({other})", Blank, StringComparison.Ordinal);
            }
        }

        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            text = Word(name).Replace(text, Blank);
        }

        return text;
    }

    private static Regex Word(string name) => new($@"\b{Regex.Escape(name)}\b", RegexOptions.CultureInvariant);

    // A date phrase holding the year: "5 July 1921", "July 1921", "July 5, 1921", "1921".
    private static Regex DateText(string year) =>
        new($@"(\b\d{{1,2}}\s+)?(\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{{1,2}},\s+)?)?\b{year}\b", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"(?<![\w.,])\d{1,3}(,\d{3})+(?![\w,]\d)|(?<![\w.,])\d+(\.\d+)?(?![\w]|,\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    [GeneratedRegex(@"^\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Month();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthBefore();

    [GeneratedRegex(@"\b(Group|Council|OSCE|CSCE|UN|EU|EUMA|ANAMA|ICRC|UNHCR|CSTO|CIS|Union|Committee|Court|Watch|International|Mission|contingent|Agency|Assembly|Center|Centre|Red Cross|Kavburo|soviet|Amnesty)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Organisations();

    /// <summary>The places and parties the store's live facts name, read once per quiz.</summary>
    private sealed class Catalog
    {
        public required IReadOnlyList<Fact> Facts { get; init; }
        public required IReadOnlyList<PlaceGroup> Places { get; init; }
        public required IReadOnlyDictionary<PlaceGroup, HashSet<string>> PlaceTopics { get; init; }
        public required IReadOnlyList<string> Parties { get; init; }
        public required Func<string, PlaceGroup> PlaceGroup { get; init; }
        public required Func<PlaceGroup, bool> IsBroadPlace { get; init; }

        public static Catalog Read(IKnowledgeStore store)
        {
            var facts = store.ListFacts();
            var aliases = store.ListAliases().Where(a => a.Kind == AliasKind.Place).ToList();
            var groups = new Dictionary<string, PlaceGroup>(StringComparer.OrdinalIgnoreCase);
            PlaceGroup GroupOf(string place)
            {
                if (groups.TryGetValue(place, out var known))
                {
                    return known;
                }

                var alias = aliases.FirstOrDefault(a => a.Names.Contains(place, StringComparer.OrdinalIgnoreCase));
                var group = alias is null ? new PlaceGroup([place], place) : new PlaceGroup(alias.Names, alias.ShowBoth && alias.Names.Count > 1 ? $"{alias.Names[0]} ({alias.Names[1]})" : alias.Names[0]);
                foreach (var name in group.Names)
                {
                    groups[name] = group;
                }

                return groups[place] = group;
            }

            var parties = facts.SelectMany(f => f.Parties).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var topics = new Dictionary<PlaceGroup, HashSet<string>>();
            var counts = new Dictionary<PlaceGroup, int>();
            foreach (var fact in facts)
            {
                foreach (var group in fact.Places.Select(GroupOf).Distinct())
                {
                    (topics.TryGetValue(group, out var t) ? t : topics[group] = []).Add(fact.Topic);
                    counts[group] = counts.GetValueOrDefault(group) + 1;
                }
            }

            // Countries are parties; as places they would make a question whose distractor is also a side.
            var places = topics.Keys.Where(p => !p.Names.Any(n => parties.Contains(n, StringComparer.OrdinalIgnoreCase))).ToList();
            return new Catalog
            {
                Facts = facts,
                Places = places,
                PlaceTopics = topics,
                Parties = parties,
                PlaceGroup = GroupOf,
                IsBroadPlace = p => counts.GetValueOrDefault(p) > facts.Count * BroadPlaceShare || p.Names.Any(n => parties.Contains(n, StringComparer.OrdinalIgnoreCase)),
            };
        }
    }
}
