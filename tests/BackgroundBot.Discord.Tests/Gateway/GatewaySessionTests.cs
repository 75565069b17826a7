using System.Net.WebSockets;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;

namespace BackgroundBot.Discord.Tests.Gateway;

/// <summary>Connection lifecycle against the fake gateway: identify, resume, reconnect, invalid sessions, close codes.</summary>
public sealed class GatewaySessionTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private GatewayHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await GatewayHarness.CreateAsync();
        _h.Output = output;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task DispatchAsync(ulong id) => _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(id));

    private async Task StartLiveAsync()
    {
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));
    }

    /// <summary>Every interaction was handled, and answered, exactly once.</summary>
    private async Task AssertHandledOnceAsync(params ulong[] ids)
    {
        await _h.PumpUntilAsync(_h.Handler.WaitForCountAsync(ids.Length));
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("POST", "/callback", ids.Length));
        Assert.Equal(ids.Order(), _h.Handler.Handled.Select(i => i.Id).Order());
        foreach (var id in ids)
        {
            Assert.Single(_h.Discord.RequestsTo("POST", $"/interactions/{id}/itoken-{id}/callback"));
        }
    }

    [Fact]
    public async Task Cold_start_identifies_once_with_least_intents_and_shard_info_on_v10_json()
    {
        await StartLiveAsync();
        await DispatchAsync(1);
        await AssertHandledOnceAsync(1);

        var identify = Assert.Single(_h.Discord.Gateway.FramesWithOp(2));
        Assert.Equal(TestOptions.Token, (string?)identify.D!["token"]);
        Assert.Equal(1, (int)identify.D["intents"]!);
        Assert.Equal([0, 1], identify.D["shard"]!.AsArray().Select(n => (int)n!));
        var connection = Assert.Single(_h.Discord.Gateway.Connections);
        Assert.Equal("/gateway/?v=10&encoding=json", connection.PathAndQuery);
        Assert.Single(_h.Discord.RequestsTo("GET", "/gateway/bot"));
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task Resumable_close_code_resumes_on_resume_url_and_events_missed_meanwhile_are_handled_once(int code)
    {
        await StartLiveAsync();
        await DispatchAsync(1);
        await AssertHandledOnceAsync(1);

        await _h.Discord.Gateway.CloseAsync(code);
        await DispatchAsync(2);
        await DispatchAsync(3);
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));
        await DispatchAsync(4);

        await AssertHandledOnceAsync(1, 2, 3, 4);
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
        Assert.Equal(1, _h.Discord.Gateway.Resumes);
        var resumed = _h.Discord.Gateway.Connections[1];
        Assert.StartsWith("/resume-gateway", resumed.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(2, _h.Discord.Gateway.Connections.Count);
    }

    [Fact]
    public async Task Abrupt_drop_resumes_and_events_missed_meanwhile_are_handled_once()
    {
        await StartLiveAsync();
        await DispatchAsync(1);
        await AssertHandledOnceAsync(1);

        _h.Discord.Gateway.Drop();
        await DispatchAsync(2);
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));

        await AssertHandledOnceAsync(1, 2);
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
        Assert.Equal(1, _h.Discord.Gateway.Resumes);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Session_ending_close_code_drops_the_session_and_identifies_again_on_the_discovered_url(int code)
    {
        await StartLiveAsync();

        await _h.Discord.Gateway.CloseAsync(code);
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));
        await DispatchAsync(5);

        await AssertHandledOnceAsync(5);
        Assert.Equal(2, _h.Discord.Gateway.Identifies);
        Assert.Equal(0, _h.Discord.Gateway.Resumes);
        Assert.StartsWith("/gateway", _h.Discord.Gateway.Connections[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(2, _h.Discord.Gateway.Connections.Count);
    }

    [Fact]
    public async Task Reconnect_request_resumes_with_a_close_code_that_keeps_the_session()
    {
        await StartLiveAsync();

        await _h.Discord.Gateway.SendReconnectAsync();
        await DispatchAsync(6);
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));

        await AssertHandledOnceAsync(6);
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
        Assert.Equal(1, _h.Discord.Gateway.Resumes);
        await _h.Discord.Gateway.Connections[0].Ended.Task.WaitAsync(TestTimeouts.Signal);
        var closedWith = _h.Discord.Gateway.Connections[0].ClientCloseStatus;
        Assert.NotNull(closedWith);
        Assert.NotEqual(WebSocketCloseStatus.NormalClosure, closedWith);
        Assert.NotEqual(WebSocketCloseStatus.EndpointUnavailable, closedWith);
    }

    [Fact]
    public async Task Resumable_invalid_session_resumes()
    {
        await StartLiveAsync();

        await _h.Discord.Gateway.SendInvalidSessionAsync(resumable: true);
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));
        await DispatchAsync(7);

        await AssertHandledOnceAsync(7);
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
        Assert.Equal(1, _h.Discord.Gateway.Resumes);
    }

    [Fact]
    public async Task Invalid_session_not_resumable_waits_one_to_five_seconds_then_identifies_afresh()
    {
        await StartLiveAsync();

        await _h.Discord.Gateway.SendInvalidSessionAsync(resumable: false);
        var wait = await _h.Time.WaitForTimerAsync(d => d >= TimeSpan.FromSeconds(1) && d <= TimeSpan.FromSeconds(5));
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
        _h.Time.Advance(wait);
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));
        await DispatchAsync(8);

        await AssertHandledOnceAsync(8);
        Assert.Equal(2, _h.Discord.Gateway.Identifies);
        Assert.Equal(0, _h.Discord.Gateway.Resumes);
        Assert.StartsWith("/gateway", _h.Discord.Gateway.Connections[^1].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_refused_with_invalid_session_drops_the_session_and_identifies_on_the_discovered_url()
    {
        await StartLiveAsync();
        await _h.Discord.Gateway.SyncAsync();
        _h.Discord.Gateway.CurrentSession!.Valid = false;

        _h.Discord.Gateway.Drop();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(3));
        await DispatchAsync(11);

        await AssertHandledOnceAsync(11);
        Assert.Equal(1, _h.Discord.Gateway.Resumes);
        Assert.Equal(2, _h.Discord.Gateway.Identifies);
        var connections = _h.Discord.Gateway.Connections;
        Assert.Equal(3, connections.Count);
        Assert.StartsWith("/resume-gateway", connections[1].PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/gateway", connections[2].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_failing_three_times_falls_back_to_one_identify_instead_of_looping()
    {
        await StartLiveAsync();
        await _h.Discord.Gateway.SyncAsync();
        _h.Discord.Gateway.FailNextResumes = 3;

        _h.Discord.Gateway.Drop();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForFramesAsync(2, 2));
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(5));
        await DispatchAsync(9);

        await AssertHandledOnceAsync(9);
        Assert.Equal(3, _h.Discord.Gateway.Resumes);
        Assert.Equal(2, _h.Discord.Gateway.Identifies);
        Assert.Equal(5, _h.Discord.Gateway.Connections.Count);
        Assert.StartsWith("/gateway", _h.Discord.Gateway.Connections[4].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_heartbeat_acks_reconnect_within_two_intervals_and_resume()
    {
        var interval = TimeSpan.FromMilliseconds(45_000);
        _h.Discord.Gateway.HeartbeatIntervalMs = (int)interval.TotalMilliseconds;
        await StartLiveAsync();
        _h.Discord.Gateway.AckHeartbeats = false;

        var advanced = await _h.Time.AdvanceWhenWaitingAsync(d => d == interval * 0.5);
        await _h.Discord.Gateway.WaitForFramesAsync(1, 1);
        advanced += await _h.Time.AdvanceWhenWaitingAsync(d => d == interval);
        _h.Discord.Gateway.AckHeartbeats = true;
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(2));

        Assert.True(advanced <= interval * 2);
        Assert.Equal(1, _h.Discord.Gateway.Resumes);
        Assert.Equal(1, _h.Discord.Gateway.Identifies);
        await _h.Discord.Gateway.Connections[0].Ended.Task.WaitAsync(TestTimeouts.Signal);
        Assert.Equal((WebSocketCloseStatus)4000, _h.Discord.Gateway.Connections[0].ClientCloseStatus);
    }

    [Fact]
    public async Task Heartbeat_requested_by_discord_is_answered_at_once_with_the_sequence()
    {
        await StartLiveAsync();
        await DispatchAsync(10);
        await AssertHandledOnceAsync(10);

        await _h.Discord.Gateway.RequestHeartbeatAsync();
        await _h.Discord.Gateway.WaitForFramesAsync(1, 1);

        var beat = Assert.Single(_h.Discord.Gateway.FramesWithOp(1));
        Assert.Equal(2, (int)beat.D!);
    }
}
