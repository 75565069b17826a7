using System.Text.Json.Nodes;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private readonly SignalingTimeProvider _time = new();
    private FakeDiscordServer _discord = null!;
    private DiscordRestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        _rest = Create(_ => { });
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _discord.DisposeAsync();
    }

    private DiscordRestClient Create(Action<DiscordOptions> configure) =>
        new(Options.Create(TestOptions.For(_discord.ApiBaseUrl, configure)), _time, NullLogger<DiscordRestClient>.Instance);

    [Fact]
    public async Task Create_message_sends_bot_token_user_agent_and_a_body_that_never_pings()
    {
        var id = await _rest.CreateMessageAsync(77, DiscordMessage.Text("hello @everyone"), CancellationToken.None);

        var request = Assert.Single(_discord.RequestsTo("POST", "/channels/77/messages"));
        Assert.True(id > 0);
        Assert.Equal("Bot " + TestOptions.Token, request.Header("Authorization"));
        Assert.Matches(@"^DiscordBot \(https?://\S+, [\d.]+\)$", request.Header("User-Agent"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("hello @everyone", (string?)body["content"]);
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Follow_up_rate_limited_with_429_is_waited_out_and_delivered_once()
    {
        _discord.InjectFault("POST", "/webhooks/", RestFault.RateLimited(3.5));

        var send = _rest.CreateFollowupAsync("tok", DiscordMessage.Text("later"), CancellationToken.None);
        var waited = await _time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(3.5));
        Assert.False(send.IsCompleted);
        Assert.Single(_discord.RequestsTo("POST", "/webhooks/"));

        _time.Advance(waited);
        var id = await send.WaitAsync(TestTimeouts.Signal);

        Assert.True(id > 0);
        var posts = _discord.RequestsTo("POST", "/webhooks/");
        Assert.Equal([429, 200], posts.Select(p => p.AnsweredWith));
        // Interaction webhooks authenticate with their token, not the bot token.
        Assert.Null(posts[1].Header("Authorization"));
    }

    [Fact]
    public async Task Global_429_holds_every_route_until_retry_after()
    {
        _discord.InjectFault("POST", "/channels/1/messages", RestFault.RateLimited(2, global: true));

        var first = _rest.CreateMessageAsync(1, DiscordMessage.Text("a"), CancellationToken.None);
        await _time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(2));
        var second = _rest.CreateMessageAsync(2, DiscordMessage.Text("b"), CancellationToken.None);
        await Task.Yield();
        Assert.False(second.IsCompleted);
        Assert.Empty(_discord.RequestsTo("POST", "/channels/2/messages"));

        _time.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(first, second).WaitAsync(TestTimeouts.Signal);

        Assert.Single(_discord.RequestsTo("POST", "/channels/2/messages"));
        Assert.Equal(2, _discord.RequestsTo("POST", "/channels/1/messages").Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_delivered()
    {
        _discord.InjectFault("POST", "/channels/5/messages", RestFault.ServerError(), times: 2);

        var send = _rest.CreateMessageAsync(5, DiscordMessage.Text("x"), CancellationToken.None);
        await _time.AdvanceWhenWaitingAsync(d => d > TimeSpan.Zero);
        await _time.AdvanceWhenWaitingAsync(d => d > TimeSpan.Zero);
        await send.WaitAsync(TestTimeouts.Signal);

        Assert.Equal([500, 500, 200], _discord.RequestsTo("POST", "/channels/5/messages").Select(r => r.AnsweredWith));
    }

    [Fact]
    public async Task Exhausted_bucket_waits_for_reset_after_and_buckets_are_rekeyed_per_major_parameter()
    {
        _discord.SetRouteHeaders("POST", "/channels/", new()
        {
            ["X-RateLimit-Limit"] = "1",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "4",
            ["X-RateLimit-Bucket"] = "messages-bucket",
        });
        await _rest.CreateMessageAsync(9, DiscordMessage.Text("1"), CancellationToken.None);

        var second = _rest.CreateMessageAsync(9, DiscordMessage.Text("2"), CancellationToken.None);
        await _time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(4));
        // Another channel is another major parameter: its own bucket, not held by channel 9's.
        await _rest.CreateMessageAsync(10, DiscordMessage.Text("other"), CancellationToken.None);
        Assert.Single(_discord.RequestsTo("POST", "/channels/9/messages"));

        _time.Advance(TimeSpan.FromSeconds(4));
        await second.WaitAsync(TestTimeouts.Signal);
        Assert.Equal(2, _discord.RequestsTo("POST", "/channels/9/messages").Count);
    }

    [Fact]
    public async Task A_route_with_unknown_limits_sends_one_request_at_a_time()
    {
        var release = new TaskCompletionSource();
        _discord.InjectFault("POST", "/channels/3/messages", RestFault.Delay(release));

        var first = _rest.CreateMessageAsync(3, DiscordMessage.Text("1"), CancellationToken.None);
        await _discord.WaitForRequestsAsync("POST", "/channels/3/messages");
        var second = _rest.CreateMessageAsync(3, DiscordMessage.Text("2"), CancellationToken.None);
        await Task.Yield();
        Assert.Single(_discord.RequestsTo("POST", "/channels/3/messages"));

        release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TestTimeouts.Signal);
        var bodies = _discord.RequestsTo("POST", "/channels/3/messages").Where(r => r.AnsweredWith == 200).Select(r => (string?)JsonNode.Parse(r.Body)!["content"]);
        Assert.Equal(["1", "2"], bodies);
    }

    [Fact]
    public async Task Invalid_requests_stop_sending_at_the_limit_with_a_clear_message()
    {
        using var rest = Create(o => o.InvalidRequestLimit = 3);
        _discord.InjectFault("POST", "/channels/4/messages", new RestFault(401), times: 10);

        for (var i = 0; i < 3; i++)
        {
            var e = await Assert.ThrowsAsync<DiscordRestException>(() => rest.CreateMessageAsync(4, DiscordMessage.Text("x"), CancellationToken.None));
            Assert.Equal(401, e.Status);
            Assert.Contains("Discord:Token", e.Message, StringComparison.Ordinal);
        }

        var stopped = await Assert.ThrowsAsync<DiscordRestException>(() => rest.CreateMessageAsync(4, DiscordMessage.Text("x"), CancellationToken.None));
        Assert.Equal(0, stopped.Status);
        Assert.Contains("InvalidRequestLimit", stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestOptions.Token, stopped.Message, StringComparison.Ordinal);
        Assert.Equal(3, _discord.RequestsTo("POST", "/channels/4/messages").Count);

        // Ten minutes later the window has moved on and sending resumes.
        _time.Advance(TimeSpan.FromMinutes(10));
        await Assert.ThrowsAsync<DiscordRestException>(() => rest.CreateMessageAsync(4, DiscordMessage.Text("x"), CancellationToken.None));
        Assert.Equal(4, _discord.RequestsTo("POST", "/channels/4/messages").Count);
    }
}
