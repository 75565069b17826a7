using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;

namespace BackgroundBot.Discord.Tests.Gateway;

/// <summary>Interactions arriving on the gateway reach the handler exactly once and are answered through REST.</summary>
public sealed class GatewayInteractionTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private GatewayHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await GatewayHarness.CreateAsync();
        _h.Output = output;
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Burst_of_200_interactions_is_answered_with_none_lost_and_bounded_concurrency()
    {
        var running = 0;
        var most = 0;
        _h.Settings["Discord:MaxConcurrentInteractions"] = "8";
        _h.Handler.Behaviour = async (c, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Yield();
            await c.Responder.RespondAsync(DiscordMessage.Text("ok"), ct);
            Interlocked.Decrement(ref running);
        };
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));

        var ids = Enumerable.Range(1, 200).Select(i => (ulong)(10_000 + i)).ToList();
        foreach (var id in ids)
        {
            await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(id));
        }

        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("POST", "/callback", 200));

        Assert.Equal(ids, _h.Handler.Handled.Select(i => i.Id).Order());
        var answered = _h.Discord.RequestsTo("POST", "/callback").Select(r => r.Path).ToList();
        Assert.Equal(200, answered.Distinct().Count());
        Assert.InRange(most, 1, 8);
    }

    [Fact]
    public async Task Replayed_interaction_is_handled_once()
    {
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));

        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(77));
        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(77));
        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(78));
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("POST", "/callback", 2));
        await _h.PumpUntilAsync(_h.Handler.WaitForCountAsync(2));

        Assert.Equal([77ul, 78ul], _h.Handler.Handled.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Follow_up_rate_limited_during_handling_is_waited_out_and_delivered()
    {
        _h.Discord.InjectFault("POST", "/webhooks/1000/itoken-90", RestFault.RateLimited(3.5));
        _h.Handler.Behaviour = async (c, ct) =>
        {
            await c.Responder.DeferAsync(ephemeral: false, ct);
            await c.Responder.RespondAsync(DiscordMessage.Text("first"), ct);
            await c.Responder.FollowUpAsync(DiscordMessage.Text("second"), ct);
        };
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));

        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(90));
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal) && r.AnsweredWith == 200));

        Assert.Equal([429, 200], _h.Discord.RequestsTo("POST", "/webhooks/1000/itoken-90").Select(r => r.AnsweredWith));
        Assert.Single(_h.Discord.RequestsTo("PATCH", "/webhooks/1000/itoken-90/messages/@original"));
        Assert.Equal(5, (int)System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(_h.Discord.RequestsTo("POST", "/callback")).Body)!["type"]!);
    }

    [Fact]
    public async Task Slow_handler_is_deferred_within_discords_3_seconds_and_its_answer_edits_the_original()
    {
        var proceed = new TaskCompletionSource();
        _h.Handler.Behaviour = async (c, ct) =>
        {
            await proceed.Task;
            await c.Responder.RespondAsync(DiscordMessage.Text("slow answer"), ct);
        };
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));

        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(91));
        await _h.Time.AdvanceWhenWaitingAsync(d => d == TimeSpan.FromSeconds(2.5));
        await _h.Discord.WaitForRequestsAsync("POST", "/interactions/91/itoken-91/callback");
        proceed.SetResult();
        await _h.Discord.WaitForRequestsAsync("PATCH", "/webhooks/1000/itoken-91/messages/@original");

        var callback = Assert.Single(_h.Discord.RequestsTo("POST", "/callback"));
        Assert.Equal(5, (int)System.Text.Json.Nodes.JsonNode.Parse(callback.Body)!["type"]!);
        Assert.Equal("slow answer", (string?)System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(_h.Discord.RequestsTo("PATCH", "/messages/@original")).Body)!["content"]);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
