using System.Text.RegularExpressions;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>
/// The polite replies for questions the bot does not answer, each saying what it can do instead: a request to take
/// sides is offered each side's account of what the question is about ("the 2020 war", "Shusha (Shushi)").
/// </summary>
public sealed partial class DeclineMessages(IKnowledgeStore store)
{
    private const int MaxTopics = 2;
    private const string Region = "Nagorno-Karabakh";

    public string For(DeclineReason reason) => For(reason, question: null);

    /// <summary>
    /// The reply for a question declined for <paramref name="reason"/>, naming what the question mentions where
    /// the store knows it, and ending with a note in the question's language when it is not in English.
    /// </summary>
    public string For(DeclineReason reason, string? question)
    {
        var topic = question is null ? null : Topic(question);
        var text = reason switch
        {
            DeclineReason.TakesSides =>
                "I don't take sides or judge the parties. "
                + $"I can give each side's account of {topic ?? "the events and disputes of the conflict"}, with citations, "
                + "and what sources report about events and agreements. " + Coverage(),
            DeclineReason.RuleOverride =>
                "I can't change how I work: I only answer from the curated fact store, neutrally and with citations. "
                + $"Ask me about {topic ?? "the conflict's background"} and I will give what the sources say, with each side's account where they differ. "
                + Coverage(),
            DeclineReason.OffTopic =>
                "That is outside what I cover: I answer questions on the background of the Nagorno-Karabakh conflict "
                + "(its history, wars, ceasefires, peace talks and each side's account) from curated sources, with citations. "
                + Coverage(),
            _ => "The fact store does not cover that. " + Coverage(),
        };
        return question is null ? text : AddLanguageNote(text, question);
    }

    /// <summary>
    /// Appends a note that the bot answers in English when the question is in another language, in that language
    /// too for Russian, Armenian and Azerbaijani. Returns the reply unchanged for an English question.
    /// </summary>
    public static string AddLanguageNote(string reply, string question)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(question);
        var language = QuestionLanguage.Detect(question);
        if (language == QuestionLanguage.English || reply.Contains(EnglishNote, StringComparison.Ordinal))
        {
            return reply;
        }

        var note = language switch
        {
            QuestionLanguage.Russian => " Я отвечаю только на английском: пожалуйста, задайте вопрос по-английски.",
            QuestionLanguage.Armenian => " Ես պատասխանում եմ միայն անգլերենով։ Խնդրում եմ, հարցրեք անգլերենով։",
            QuestionLanguage.Azerbaijani => " Mən yalnız ingilis dilində cavab verirəm: zəhmət olmasa, sualınızı ingilis dilində verin.",
            _ => "",
        };
        return $"{reply} {EnglishNote}{note}";
    }

    private const string EnglishNote = "I answer in English only: please ask your question in English.";

    // What the question is about, for "I can give each side's account of …": a war or period it names, then the
    // places the store has names for, both names where each side uses its own ("Shusha (Shushi)").
    private string? Topic(string question)
    {
        var found = new List<(int Index, int Length, string Phrase)>();
        foreach (Match match in NamedPeriod().Matches(question))
        {
            found.Add((match.Index, match.Length, "the " + match.Groups["name"].Value));
        }

        foreach (Match match in NamedEvent().Matches(question))
        {
            found.Add((match.Index, match.Length, match.Groups["the"].Success ? "the " + match.Value : match.Value));
        }

        foreach (var group in store.ListAliases().Where(a => a.Kind == AliasKind.Place))
        {
            if (FirstMention(question, group.Names) is not { } mention)
            {
                continue;
            }

            var phrase = mention.Value;
            if (group.Names.Contains(Region, StringComparer.OrdinalIgnoreCase))
            {
                // "each side's account of Artsakh" says too little: the sides dispute the region's status and past.
                phrase = $"{mention.Value}'s status and history";
            }
            else if (group.ShowBoth && group.Names.Count > 1)
            {
                var other = string.Equals(mention.Value, group.Names[0], StringComparison.OrdinalIgnoreCase) ? group.Names[1] : group.Names[0];
                phrase = $"{mention.Value} ({other})";
            }

            found.Add((mention.Index, mention.Length, phrase));
        }

        var chosen = new List<(int Index, int Length, string Phrase)>();
        foreach (var candidate in found.OrderBy(f => f.Index).ThenByDescending(f => f.Length))
        {
            var overlaps = chosen.Any(c => candidate.Index < c.Index + c.Length && c.Index < candidate.Index + candidate.Length);
            if (!overlaps && chosen.Count < MaxTopics)
            {
                chosen.Add(candidate);
            }
        }

        if (chosen.Count > 0)
        {
            return string.Join(" and ", chosen.Select(c => c.Phrase));
        }

        if (Karabakh().IsMatch(question))
        {
            return "the Karabakh conflict";
        }

        return Year().Match(question) is { Success: true } year ? $"the events of {year.Groups["year"].Value}" : null;
    }

    // The earliest name of the group in the question, so "Shusha/Shushi" reads "Shusha (Shushi)".
    private static Match? FirstMention(string question, IReadOnlyList<string> names) =>
        names
            .Select(n => Regex.Match(question, $@"(?<![\w-]){Regex.Escape(n)}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .Where(m => m.Success)
            .OrderBy(m => m.Index)
            .FirstOrDefault();

    [GeneratedRegex(
        @"\b(the\s+)?(?<name>(first|second|44-day|four-day|six-week|(19|20)\d\d([–-](19|20)?\d\d)?|(april|september|october|november) (19|20)\d\d)(\s+(Nagorno-)?Karabakh)?\s+(war|fighting|offensive|clashes|escalation|operation))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedPeriod();

    [GeneratedRegex(
        @"\b((?<the>(Lachin|Berdzor) corridor|Bishkek Protocol|Madrid Principles|Minsk Group|(Nagorno-)?Karabakh (conflict|war|question|dispute))|Maragha|Barda|Dadivank|Gandzasar)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedEvent();

    [GeneratedRegex(@"\bKarabakh\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Karabakh();

    [GeneratedRegex(@"\b(in|of|during|since|after|before) (?<year>(18|19|20)\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    private string Coverage()
    {
        // Counted in the store, never loaded: a decline must stay cheap with a large archive.
        var articles = store.CountActiveArticles();
        var topics = store.ActiveTopics();
        var facts = store.CountActiveFacts();
        var holds = store.OnlyActiveArticleTitle() is { } only ? $"1 article (\"{only}\")" : $"{articles} articles";
        if (facts > 0)
        {
            holds += facts == 1 ? " and 1 curated fact" : $" and {facts} curated facts";
        }

        var topicText = topics.Count > 0 ? string.Join(", ", topics.Select(TopicPhrase)) : "ceasefires, mediators, the Lachin corridor and territorial history";
        return $"It holds {holds} on the background of the Nagorno-Karabakh conflict; try asking about {topicText}.";
    }

    private static string TopicPhrase(string topic) => topic switch
    {
        "ceasefire" => "ceasefires",
        "mediation" => "mediators and peace talks",
        "territory" => "territorial history",
        "humanitarian" => "humanitarian matters",
        "politics" => "political history",
        "history" => "the region's earlier history",
        "demographics" => "population and census figures",
        _ => topic,
    };
}
