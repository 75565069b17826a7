using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>The polite replies for questions the bot does not answer, each saying what it can do instead.</summary>
public sealed class DeclineMessages(FactStore store)
{
    public string For(DeclineReason reason) => reason switch
    {
        DeclineReason.TakesSides =>
            "I don't take sides or judge the parties. I can tell you what sources report about events, agreements and "
            + "each side's stated positions, with citations. " + Coverage(),
        DeclineReason.RuleOverride =>
            "I can't change how I work: I only answer from the curated fact store, neutrally and with citations. " + Coverage(),
        _ => "The fact store does not cover that. " + Coverage(),
    };

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
        _ => topic,
    };
}
