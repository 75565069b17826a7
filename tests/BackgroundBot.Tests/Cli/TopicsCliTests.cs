using BackgroundBot.Cli;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Tests.Cli;

/// <summary>The topic list: history and demographics join the five, and every verb that names a topic checks it.</summary>
public sealed class TopicsCliTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Fact]
    public async Task A_census_fact_is_filed_under_demographics_and_a_background_fact_under_history()
    {
        var census = await _cli.Run("facts", "add", "--statement", "The 1989 Soviet census counted 189,085 people in the Nagorno-Karabakh Autonomous Oblast.", "--date", "1989", "--topic", "demographics", "--url", "https://example.org/census");
        var history = await _cli.Run("facts", "add", "--statement", "The Nagorno-Karabakh Autonomous Oblast was created on 7 July 1923.", "--date", "1923-07-07", "--topic", "history", "--url", "https://example.org/oblast", "--force");
        var timeline = await _cli.Run("timeline", "--topic", "demographics");
        var listed = await _cli.Run("facts", "list", "--topic", "history");

        Assert.Equal(ExitCodes.Success, census.ExitCode);
        Assert.Equal(ExitCodes.Success, history.ExitCode);
        Assert.Contains("[demographics] The 1989 Soviet census", timeline.Output, StringComparison.Ordinal);
        Assert.Contains("created on 7 July 1923", listed.Output, StringComparison.Ordinal);
        Assert.Contains("history", Topics.All);
        Assert.Contains("demographics", Topics.All);
        Assert.Contains("| `demographics` |", File.ReadAllText(Path.Combine(Root(), "docs", "topics.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts", "list", "--topic", "weather")]
    [InlineData("timeline", "--topic", "weather")]
    [InlineData("facts", "add", "--statement", "x", "--date", "2024", "--topic", "weather", "--url", "https://example.org")]
    [InlineData("facts", "edit", "1", "--version", "1", "--topic", "weather")]
    [InlineData("review", "add", "A suggestion.", "--topic", "weather")]
    [InlineData("review", "approve", "1", "--topic", "weather")]
    public async Task An_unknown_topic_is_refused_in_one_line_listing_the_topics(params string[] args)
    {
        var run = await _cli.Run(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("Unknown topic 'weather'; the topics are ceasefire, mediation, territory, humanitarian, politics, history, demographics", line, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private static string Root()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "BackgroundBot.sln")))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        return folder;
    }
}
