using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Operations;

/// <summary>
/// Settings an operator gets wrong: a misspelt key was silently ignored (its default used); now it is warned about with the
/// nearest known key. A value of the wrong type stops the verb with one line naming the setting.
/// </summary>
public sealed class SettingsCheckTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_misspelt_key_is_warned_about_naming_the_nearest_known_key_and_the_verb_still_runs()
    {
        var run = await BotProcess.RunAsync(_folder.Path, new Dictionary<string, string>
        {
            ["Answering__MinCoverge"] = "0.3",
            ["Discrod__Token"] = "x",
            ["Store__SeedPack"] = "false",

            // Read by Moderation's submission limits though they sit in the Community section: no warning.
            ["Community__SubmissionsPerMember"] = "5",
        }, "articles", "--db", Path.Combine(_folder.Path, "bot.db"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.ErrorLines, line => line.Contains("SubmissionsPerMember", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains(
            "Answering:MinCoverge is not a setting BackgroundBot reads (environment variable Answering__MinCoverge), so it is ignored; did you mean Answering:MinCoverage?",
            StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, line => line.Contains("Discrod is not a setting BackgroundBot reads (environment variable Discrod), so it is ignored; did you mean Discord?", StringComparison.Ordinal));
        Assert.Contains("7 passages", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_stops_the_bot_with_one_line_naming_the_setting()
    {
        var run = await BotProcess.RunAsync(_folder.Path, new Dictionary<string, string>
        {
            ["Discord__Token"] = "test-token.abc",
            ["Discord__ApplicationId"] = "1000",
            ["Discord__MaxConcurrentInteractions"] = "sixteen",
        }, "run", "--db", Path.Combine(_folder.Path, "bot.db"));

        Assert.Equal(1, run.ExitCode);
        // The bot's start-up lines come first (it logs at information level); what stopped it is one line, the last.
        Assert.Equal(
            "Configuration error: the setting Discord:MaxConcurrentInteractions is not a valid whole number (environment variable Discord__MaxConcurrentInteractions); fix or remove it.",
            run.ErrorLines[^1]);
        Assert.Single(run.ErrorLines, line => line.Contains("MaxConcurrentInteractions", StringComparison.Ordinal));
    }
}
