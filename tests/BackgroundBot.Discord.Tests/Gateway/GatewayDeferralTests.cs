using System.Text.Json.Nodes;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;

namespace BackgroundBot.Discord.Tests.Gateway;

/// <summary>Discord's 3 seconds run from receipt: a backlog behind busy handlers must not make an interaction miss them.</summary>
public sealed class GatewayDeferralTests : IAsyncLifetime
{
    private GatewayHarness _h = null!;

    public async Task InitializeAsync() => _h = await GatewayHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Twenty_slow_interactions_behind_16_busy_handlers_are_each_deferred_within_3_seconds_of_receipt()
    {
        var proceed = new TaskCompletionSource();
        _h.Handler.Behaviour = async (c, ct) =>
        {
            await proceed.Task;
            await c.Responder.RespondAsync(DiscordMessage.Text("slow answer"), ct);
        };
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));
        var ids = Enumerable.Range(1, 20).Select(i => (ulong)(20_000 + i)).ToList();
        var receivedAt = _h.Time.GetUtcNow();

        foreach (var id in ids)
        {
            await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(id));
        }

        // Every interaction's deferral clock starts on receipt, the four waiting for a handler slot included.
        foreach (var _ in ids)
        {
            await _h.Time.WaitForTimerAsync(d => d == GatewayHarness.AutoDeferAfter);
        }

        await _h.Handler.WaitForCountAsync(16);
        Assert.Equal(16, _h.Handler.Handled.Count);
        _h.Time.Advance(GatewayHarness.AutoDeferAfter);
        await _h.Discord.WaitForRequestsAsync("POST", "/callback", 20);

        Assert.True(_h.Time.GetUtcNow() - receivedAt < TimeSpan.FromSeconds(3));
        Assert.Equal(ids, _h.Discord.RequestsTo("POST", "/callback").Select(r => ulong.Parse(r.Path.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(_h.Discord.RequestsTo("POST", "/callback"), r => Assert.Equal(5, (int)JsonNode.Parse(r.Body)!["type"]!));
        Assert.Equal(16, _h.Handler.Handled.Count);

        proceed.SetResult();
        await _h.Discord.WaitForRequestsAsync("PATCH", "/messages/@original", 20);
        Assert.Equal(ids, _h.Handler.Handled.Select(i => i.Id).Order());
        Assert.Equal(20, _h.Discord.RequestsTo("POST", "/callback").Count);
    }
}
