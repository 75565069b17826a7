namespace BackgroundBot.Tests.Infrastructure;

/// <summary>Small articles for import tests, written like the news the bot is fed.</summary>
public static class Articles
{
    public const string CorridorText = """
        title: Talks on the Lachin corridor
        url: https://example.org/news/lachin-talks
        date: 2023-05-02

        Negotiators from both countries met in Brussels to discuss the reopening of the Lachin corridor. The talks were hosted by the European Union and lasted for two days. Officials said the negotiations concentrated on humanitarian access and on the movement of civilian traffic along the road.

        Residents of Stepanakert described shortages of food and medicine during the months of the blockade. Aid agencies reported that deliveries of fuel had stopped entirely for several weeks, and that hospitals postponed planned operations.

        Observers noted that Shushi, which changed hands in 2020, overlooks the road. The town sits on heights above the regional capital and has long been a symbol for both communities.
        """;

    /// <summary>One long paragraph of distinct sentences, for passage-length checks.</summary>
    public static string LongArticle(int sentences) =>
        "title: A long report\n\n" + string.Join(' ', Enumerable.Range(1, sentences).Select(i =>
            $"Report item {i} describes a meeting of delegations in the region on day {i} of the talks and its outcome."));
}
