using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;

namespace BackgroundBot.Discord.Tests.Interactions;

/// <summary>
/// What the member sees when a private reply, or the private "something went wrong", comes after the first answer:
/// read from the fake Discord's message state.
/// </summary>
public sealed class PrivateRepliesTests : IAsyncLifetime
{
    private GatewayHarness _h = null!;

    public async Task InitializeAsync() => _h = await GatewayHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task StartAsync()
    {
        await _h.StartAsync();
        await _h.PumpUntilAsync(_h.Discord.Gateway.WaitForLiveAsync(1));
    }

    [Fact]
    public async Task A_handler_failing_after_the_automatic_deferral_tells_the_member_privately_and_leaves_no_public_thinking()
    {
        var proceed = new TaskCompletionSource();
        _h.Handler.Behaviour = async (_, _) =>
        {
            await proceed.Task;
            throw new InvalidOperationException("boom");
        };
        await StartAsync();

        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(101));
        await _h.Time.AdvanceWhenWaitingAsync(d => d == GatewayHarness.AutoDeferAfter);
        await _h.Discord.WaitForRequestsAsync("POST", "/interactions/101/itoken-101/callback");
        proceed.SetResult();
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("POST", "/webhooks/1000/itoken-101"));

        var shown = Assert.Single(_h.Discord.Messages.Of("itoken-101"));
        Assert.True(shown.Ephemeral);
        Assert.Matches("^Something went wrong \\(reference E[0-9]{6}\\)\\.$", shown.Content);
    }

    [Fact]
    public async Task A_private_answer_after_a_private_deferral_edits_it()
    {
        _h.Handler.Behaviour = async (c, ct) =>
        {
            await c.Responder.DeferAsync(ephemeral: true, ct);
            await c.Responder.RespondAsync(DiscordMessage.Text("just for you", ephemeral: true), ct);
        };
        await StartAsync();

        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(102));
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync("PATCH", "/webhooks/1000/itoken-102/messages/@original"));

        var shown = Assert.Single(_h.Discord.Messages.Of("itoken-102"));
        Assert.Equal(("just for you", true, false), (shown.Content, shown.Ephemeral, shown.Loading));
    }

    [Fact]
    public async Task An_answer_whose_original_is_gone_arrives_as_a_follow_up_that_later_edits_change()
    {
        _h.Handler.Behaviour = async (c, ct) =>
        {
            await c.Responder.DeferAsync(ephemeral: true, ct);
            // The member dismissed the private "thinking…" message.
            await c.Responder.DeleteOriginalAsync(ct);
            await c.Responder.RespondAsync(DiscordMessage.Text("draft"), ct);
            await c.Responder.EditOriginalAsync(DiscordMessage.Text("final"), ct);
        };
        await StartAsync();

        await _h.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(103));
        await _h.PumpUntilAsync(_h.Discord.WaitForRequestsAsync(r => r.Method == "PATCH" && r.Path.Contains("itoken-103", StringComparison.Ordinal) && r.AnsweredWith == 200));

        var shown = Assert.Single(_h.Discord.Messages.Of("itoken-103"));
        Assert.Equal(("final", true), (shown.Content, shown.Ephemeral));
    }
}
