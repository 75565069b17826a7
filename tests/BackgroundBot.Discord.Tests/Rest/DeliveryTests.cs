using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests.Rest;

/// <summary>
/// Each message is delivered exactly once when Discord's answer is lost after it did the work (a 502 from its proxy):
/// what members see is read from the fake's message state.
/// </summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private readonly SignalingTimeProvider _time = new();
    private FakeDiscordServer _discord = null!;
    private DiscordRestClient _rest = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        _rest = new DiscordRestClient(Options.Create(TestOptions.For(_discord.ApiBaseUrl)), _time, NullLogger<DiscordRestClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        _rest.Dispose();
        await _discord.DisposeAsync();
    }

    private static JsonInteractionResponse Message(string text) =>
        new(InteractionResponder.ChannelMessage, WireMapper.ToCallbackData(DiscordMessage.Text(text), allowEphemeral: true));

    [Fact]
    public async Task A_channel_message_whose_answer_was_lost_after_posting_appears_once()
    {
        _discord.InjectFault("POST", "/channels/5/messages", RestFault.FailsAfterProcessing());

        var send = _rest.CreateMessageAsync(5, DiscordMessage.Text("Suggestion #1"), CancellationToken.None);
        await _time.AdvanceWhenWaitingAsync(d => d > TimeSpan.Zero);
        var id = await send.WaitAsync(TestTimeouts.Signal);

        var posted = Assert.Single(_discord.Messages.In("5"));
        Assert.Equal("Suggestion #1", posted.Content);
        Assert.Equal(posted.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Sent twice, with the same enforced nonce: Discord answered the second with the message the first created.
        var attempts = _discord.RequestsTo("POST", "/channels/5/messages");
        Assert.Equal([502, 200], attempts.Select(a => a.AnsweredWith));
        Assert.Single(attempts.Select(a => (string?)JsonNode.Parse(a.Body)!["nonce"]).Distinct());
        Assert.All(attempts, a => Assert.True((bool)JsonNode.Parse(a.Body)!["enforce_nonce"]!));
    }

    [Fact]
    public async Task Two_messages_with_the_same_text_are_two_messages()
    {
        await _rest.CreateMessageAsync(6, DiscordMessage.Text("same"), CancellationToken.None);
        await _rest.CreateMessageAsync(6, DiscordMessage.Text("same"), CancellationToken.None);

        Assert.Equal(2, _discord.Messages.In("6").Count);
    }

    [Fact]
    public async Task A_follow_up_whose_answer_was_lost_is_not_sent_again()
    {
        _discord.InjectFault("POST", "/webhooks/1000/tok", RestFault.FailsAfterProcessing());

        var failure = await Assert.ThrowsAsync<DiscordRestException>(() => _rest.CreateFollowupAsync("tok", DiscordMessage.Text("once"), CancellationToken.None).WaitAsync(TestTimeouts.Signal));

        Assert.Equal(502, failure.Status);
        Assert.Single(_discord.RequestsTo("POST", "/webhooks/1000/tok"));
        Assert.Equal("once", Assert.Single(_discord.Messages.FollowUpsOf("tok")).Content);
    }

    [Fact]
    public async Task A_callback_processed_before_a_502_is_found_delivered_and_not_sent_again()
    {
        _discord.InjectFault("POST", "/callback", RestFault.FailsAfterProcessing());

        await _rest.CreateInteractionResponseAsync(31, "tok31", Message("Looking that up…"), CancellationToken.None).WaitAsync(TestTimeouts.Signal);

        Assert.Single(_discord.RequestsTo("POST", "/interactions/31/tok31/callback"));
        Assert.Equal([200], _discord.RequestsTo("GET", "/webhooks/1000/tok31/messages/@original").Select(r => r.AnsweredWith));
        Assert.Equal("Looking that up…", _discord.Messages.OriginalOf("tok31")!.Content);
    }

    [Fact]
    public async Task A_callback_lost_before_discord_processed_it_is_sent_again_once_discord_holds_nothing()
    {
        _discord.InjectFault("POST", "/callback", new RestFault(502));

        await _rest.CreateInteractionResponseAsync(32, "tok32", Message("answer"), CancellationToken.None).WaitAsync(TestTimeouts.Signal);

        Assert.Equal([502, 204], _discord.RequestsTo("POST", "/interactions/32/tok32/callback").Select(r => r.AnsweredWith));
        Assert.Equal([404], _discord.RequestsTo("GET", "/webhooks/1000/tok32/messages/@original").Select(r => r.AnsweredWith));
        Assert.Equal("answer", Assert.Single(_discord.Messages.Of("tok32")).Content);
    }

    [Fact]
    public async Task A_deferred_update_processed_before_a_502_is_taken_as_delivered_when_discord_says_already_acknowledged()
    {
        _discord.InjectFault("POST", "/callback", RestFault.FailsAfterProcessing());

        // A deferred update creates no message to look for: sending it again is safe, as Discord acknowledges an interaction once.
        await _rest.CreateInteractionResponseAsync(33, "tok33", new JsonInteractionResponse(InteractionResponder.DeferredUpdate, null), CancellationToken.None).WaitAsync(TestTimeouts.Signal);

        Assert.Equal([502, 400], _discord.RequestsTo("POST", "/interactions/33/tok33/callback").Select(r => r.AnsweredWith));
        Assert.True(_discord.Messages.IsAcknowledged("33"));
    }

    [Fact]
    public async Task A_thread_opened_before_a_502_is_found_rather_than_failing()
    {
        _discord.InjectFault("POST", "/threads", RestFault.FailsAfterProcessing());

        var start = _rest.StartThreadFromMessageAsync(7, 4242, "Who monitors the corridor?", CancellationToken.None);
        await _time.AdvanceWhenWaitingAsync(d => d > TimeSpan.Zero);
        var thread = await start.WaitAsync(TestTimeouts.Signal);

        Assert.Equal(4242ul, thread);
        Assert.Equal([502, 400], _discord.RequestsTo("POST", "/channels/7/messages/4242/threads").Select(r => r.AnsweredWith));
    }

    [Fact]
    public async Task A_post_that_never_reached_discord_is_sent_again_and_delivered_once()
    {
        // A free port with nothing listening: the first attempt is refused before a byte is sent.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var rest = new DiscordRestClient(
            Options.Create(TestOptions.For(new Uri($"http://127.0.0.1:{port}/api/v10"))), _time, NullLogger<DiscordRestClient>.Instance);
        var send = rest.CreateFollowupAsync("tok-refused", DiscordMessage.Text("late but once"), CancellationToken.None);
        var backoff = await _time.WaitForTimerAsync(d => d > TimeSpan.Zero).WaitAsync(TestTimeouts.Signal);
        await using var discord = await FakeDiscordServer.StartAsync(port);
        _time.Advance(backoff);
        await send.WaitAsync(TestTimeouts.Signal);

        Assert.Equal("late but once", Assert.Single(discord.Messages.FollowUpsOf("tok-refused")).Content);
    }
}
