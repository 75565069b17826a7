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
public sealed class DeliveryTests : RestOnFakeDiscord
{
    private static JsonInteractionResponse Message(string text) =>
        new(InteractionResponder.ChannelMessage, WireMapper.ToCallbackData(DiscordMessage.Text(text), allowEphemeral: true));

    [Fact]
    public async Task A_channel_message_whose_answer_was_lost_after_posting_appears_once()
    {
        Server.InjectFault("POST", "/channels/5/messages", RestFault.FailsAfterProcessing());

        var send = Client.CreateMessageAsync(5, DiscordMessage.Text("Suggestion #1"), CancellationToken.None);
        await Time.AdvanceWhenWaitingAsync(d => d > TimeSpan.Zero);
        var id = await send.WaitAsync(TestTimeouts.Signal);

        var posted = Assert.Single(Server.Messages.In("5"));
        Assert.Equal("Suggestion #1", posted.Content);
        Assert.Equal(posted.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Sent twice, with the same enforced nonce: Discord answered the second with the message the first created.
        var attempts = Server.RequestsTo("POST", "/channels/5/messages");
        Assert.Equal([502, 200], attempts.Select(a => a.AnsweredWith));
        Assert.Single(attempts.Select(a => (string?)JsonNode.Parse(a.Body)!["nonce"]).Distinct());
        Assert.All(attempts, a => Assert.True((bool)JsonNode.Parse(a.Body)!["enforce_nonce"]!));
    }

    [Fact]
    public async Task Two_messages_with_the_same_text_are_two_messages()
    {
        await Client.CreateMessageAsync(6, DiscordMessage.Text("same"), CancellationToken.None);
        await Client.CreateMessageAsync(6, DiscordMessage.Text("same"), CancellationToken.None);

        Assert.Equal(2, Server.Messages.In("6").Count);
    }

    [Fact]
    public async Task A_follow_up_whose_answer_was_lost_is_not_sent_again()
    {
        Server.InjectFault("POST", "/webhooks/1000/tok", RestFault.FailsAfterProcessing());

        var failure = await Assert.ThrowsAsync<DiscordRestException>(() => Client.CreateFollowupAsync("tok", DiscordMessage.Text("once"), CancellationToken.None).WaitAsync(TestTimeouts.Signal));

        Assert.Equal(502, failure.Status);
        Assert.Single(Server.RequestsTo("POST", "/webhooks/1000/tok"));
        Assert.Equal("once", Assert.Single(Server.Messages.FollowUpsOf("tok")).Content);
    }

    [Fact]
    public async Task A_callback_processed_before_a_502_is_found_delivered_and_not_sent_again()
    {
        Server.InjectFault("POST", "/callback", RestFault.FailsAfterProcessing());

        await Client.CreateInteractionResponseAsync(31, "tok31", Message("Looking that up…"), CancellationToken.None).WaitAsync(TestTimeouts.Signal);

        Assert.Single(Server.RequestsTo("POST", "/interactions/31/tok31/callback"));
        Assert.Equal([200], Server.RequestsTo("GET", "/webhooks/1000/tok31/messages/@original").Select(r => r.AnsweredWith));
        Assert.Equal("Looking that up…", Server.Messages.OriginalOf("tok31")!.Content);
    }

    [Fact]
    public async Task A_callback_lost_before_discord_processed_it_is_sent_again_once_discord_holds_nothing()
    {
        Server.InjectFault("POST", "/callback", new RestFault(502));

        await Client.CreateInteractionResponseAsync(32, "tok32", Message("answer"), CancellationToken.None).WaitAsync(TestTimeouts.Signal);

        Assert.Equal([502, 204], Server.RequestsTo("POST", "/interactions/32/tok32/callback").Select(r => r.AnsweredWith));
        Assert.Equal([404], Server.RequestsTo("GET", "/webhooks/1000/tok32/messages/@original").Select(r => r.AnsweredWith));
        Assert.Equal("answer", Assert.Single(Server.Messages.Of("tok32")).Content);
    }

    [Fact]
    public async Task A_deferred_update_processed_before_a_502_is_taken_as_delivered_when_discord_says_already_acknowledged()
    {
        Server.InjectFault("POST", "/callback", RestFault.FailsAfterProcessing());

        // A deferred update creates no message to look for: sending it again is safe, as Discord acknowledges an interaction once.
        await Client.CreateInteractionResponseAsync(33, "tok33", new JsonInteractionResponse(InteractionResponder.DeferredUpdate, null), CancellationToken.None).WaitAsync(TestTimeouts.Signal);

        Assert.Equal([502, 400], Server.RequestsTo("POST", "/interactions/33/tok33/callback").Select(r => r.AnsweredWith));
        Assert.True(Server.Messages.IsAcknowledged("33"));
    }

    [Fact]
    public async Task A_thread_opened_before_a_502_is_found_rather_than_failing()
    {
        Server.InjectFault("POST", "/threads", RestFault.FailsAfterProcessing());

        var start = Client.StartThreadFromMessageAsync(7, 4242, "Who monitors the corridor?", CancellationToken.None);
        await Time.AdvanceWhenWaitingAsync(d => d > TimeSpan.Zero);
        var thread = await start.WaitAsync(TestTimeouts.Signal);

        Assert.Equal(4242ul, thread);
        Assert.Equal([502, 400], Server.RequestsTo("POST", "/channels/7/messages/4242/threads").Select(r => r.AnsweredWith));
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
            Options.Create(TestOptions.For(new Uri($"http://127.0.0.1:{port}/api/v10"))), Time, NullLogger<DiscordRestClient>.Instance);
        var send = rest.CreateFollowupAsync("tok-refused", DiscordMessage.Text("late but once"), CancellationToken.None);
        var backoff = await Time.WaitForTimerAsync(d => d > TimeSpan.Zero).WaitAsync(TestTimeouts.Signal);
        await using var discord = await FakeDiscordServer.StartAsync(port);
        Time.Advance(backoff);
        await send.WaitAsync(TestTimeouts.Signal);

        Assert.Equal("late but once", Assert.Single(discord.Messages.FollowUpsOf("tok-refused")).Content);
    }
}
