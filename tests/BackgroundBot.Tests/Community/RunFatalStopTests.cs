using BackgroundBot.Cli;
using BackgroundBot.Testing;

namespace BackgroundBot.Tests.Community;

public sealed class RunFatalStopTests
{
    [Fact]
    public async Task A_rejected_token_stops_run_with_an_error_exit_and_says_what_to_fix()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();

        await bot.Discord.Gateway.CloseAsync(4004);
        var run = await bot.Run.WaitAsync(TestTimeouts.Signal);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Discord rejected the bot token (close code 4004)", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, bot.Discord.Gateway.Identifies);
    }
}
