using BackgroundBot.Discord.Gateway;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;

namespace BackgroundBot.Discord.Tests.Gateway;

public sealed class GatewayLimitsTests
{
    [Fact]
    public async Task Payloads_stop_at_117_per_minute_while_heartbeats_keep_their_3_slots()
    {
        var time = new SignalingTimeProvider();
        var limiter = new GatewaySendLimiter(time);

        for (var i = 0; i < 117; i++)
        {
            await limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        }

        var blocked = limiter.WaitAsync(heartbeat: false, CancellationToken.None);
        var waits = await time.WaitForTimerAsync(d => d > TimeSpan.Zero);
        Assert.False(blocked.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(60), waits);

        for (var i = 0; i < 3; i++)
        {
            await limiter.WaitAsync(heartbeat: true, CancellationToken.None).WaitAsync(TestTimeouts.Signal);
        }

        time.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(TestTimeouts.Signal);
    }

    [Fact]
    public void Backoff_doubles_from_one_second_with_jitter_and_is_capped()
    {
        var jitter = new FixedJitter();

        Assert.Equal(TimeSpan.Zero, ReconnectBackoff.Delay(0, jitter));
        Assert.Equal(TimeSpan.FromSeconds(1), ReconnectBackoff.Delay(1, jitter));
        Assert.Equal(TimeSpan.FromSeconds(2), ReconnectBackoff.Delay(2, jitter));
        Assert.Equal(TimeSpan.FromSeconds(60), ReconnectBackoff.Delay(20, jitter));
        Assert.InRange(ReconnectBackoff.InvalidSession(jitter), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Payload_over_4096_bytes_is_refused_before_it_reaches_discord()
    {
        var small = System.Text.Json.JsonSerializer.SerializeToElement(new string('a', 4000), Json.DiscordJsonContext.Default.String);
        var large = System.Text.Json.JsonSerializer.SerializeToElement(new string('a', 4100), Json.DiscordJsonContext.Default.String);

        Assert.True(GatewayConnection.Encode(3, small).Length <= GatewayConnection.MaxPayloadBytes);
        var e = Assert.Throws<InvalidOperationException>(() => GatewayConnection.Encode(3, large));
        Assert.Contains("4096", e.Message, StringComparison.Ordinal);
    }
}
