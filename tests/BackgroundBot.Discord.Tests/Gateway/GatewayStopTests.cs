using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;

namespace BackgroundBot.Discord.Tests.Gateway;

/// <summary>Conditions only a configuration change can fix stop the bot with one clear message, never a reconnect loop.</summary>
public sealed class GatewayStopTests : IAsyncLifetime
{
    private GatewayHarness _h = null!;

    public async Task InitializeAsync() => _h = await GatewayHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:Shards")]
    [InlineData(4011, "Discord:Shards")]
    [InlineData(4012, "v10")]
    [InlineData(4013, "Discord:Intents")]
    [InlineData(4014, "Privileged Gateway Intents")]
    public async Task Fatal_close_code_stops_with_a_message_saying_what_to_fix_and_no_retry(int code, string fix)
    {
        _h.Discord.Gateway.CloseOnIdentify = code;
        await _h.StartAsync();

        var reason = await _h.Gateway.Stopped.WaitAsync(TestTimeouts.Signal);
        await _h.Lifetime.ApplicationStopping.WhenCancelledAsync();

        Assert.Contains(fix, reason, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), reason, StringComparison.Ordinal);
        Assert.DoesNotContain(TestOptions.Token, reason, StringComparison.Ordinal);
        await _h.StopAsync();
        Assert.Single(_h.Discord.Gateway.Connections);
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
    }

    [Fact]
    public async Task Spent_session_start_budget_stops_saying_when_it_resets()
    {
        _h.Discord.SessionStartRemaining = 0;
        await _h.StartAsync();

        var reason = await _h.Gateway.Stopped.WaitAsync(TestTimeouts.Signal);

        Assert.Contains("session start limit", reason, StringComparison.Ordinal);
        Assert.Contains("resets at 2026-01-01 01:00:00Z", reason, StringComparison.Ordinal);
        await _h.StopAsync();
        Assert.Empty(_h.Discord.Gateway.Connections);
    }
}
