using System.Globalization;
using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;

namespace BackgroundBot.Tests.Community;

/// <summary>What a member sees of an /ask, read from the fake Discord's message state: the whole bot runs as `run` runs it.</summary>
public sealed class AskDeliveryTests : IAsyncLifetime
{
    private const string LookingUp = "🔎 Looking that up in the fact store…";
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static JsonObject Ask(ulong id, string userId = "700") =>
        InteractionJson.Command(id, "ask", CommunityFailureTests.Question("Who monitors the Lachin corridor?"), userId: userId);

    private static string Token(ulong id) => "itoken-" + id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_final_answer_replaces_the_placeholder_entirely()
    {
        var requests = await _bot.InteractAsync(id => Ask(id));

        var token = requests[0].Path.Split('/')[3];
        var shown = _bot.Discord.Messages.OriginalOf(token)!;
        Assert.Equal("", shown.Content);
        Assert.Contains("monitored by Russian peacekeepers", shown.EmbedDescription, StringComparison.Ordinal);
        Assert.Equal(["Show sources", "Helpful", "Not helpful", "Report a problem"], shown.ButtonLabels);
        Assert.Single(_bot.Discord.Messages.Of(token));
    }

    [Fact]
    public async Task A_502_after_the_placeholder_was_processed_still_brings_the_member_the_answer()
    {
        _bot.Discord.InjectFault("POST", "/callback", RestFault.FailsAfterProcessing());

        // The placeholder (502, but it took), the check of what Discord holds, the answer.
        var requests = await _bot.InteractAsync(id => Ask(id), requests: 3);

        var token = requests[0].Path.Split('/')[3];
        Assert.Single(requests, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        var shown = Assert.Single(_bot.Discord.Messages.Of(token));
        Assert.DoesNotContain(LookingUp, shown.Content, StringComparison.Ordinal);
        Assert.Contains("monitored by Russian peacekeepers", shown.EmbedDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sixteen_concurrent_asks_right_after_start_all_get_their_answer()
    {
        var ids = Enumerable.Range(1, 16).Select(i => (ulong)(90_000 + i)).ToList();
        var tokens = ids.Select(Token).ToHashSet();

        // Each from another member (the per-member limit is 5 a minute), all queued before the first is handled.
        foreach (var id in ids)
        {
            await _bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", Ask(id, userId: (800 + id).ToString(CultureInfo.InvariantCulture)));
        }

        // Settled: an edit of the placeholder, or a private reply instead of one.
        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync(
            r => r.AnsweredWith != 0 && tokens.Any(t => r.Path.Contains(t, StringComparison.Ordinal))
                && (r.Method == "PATCH" || r.Body.Contains("\"flags\":64", StringComparison.Ordinal)),
            ids.Count));

        foreach (var token in tokens)
        {
            var shown = Assert.Single(_bot.Discord.Messages.Of(token));
            Assert.Equal("", shown.Content);
            Assert.Contains("monitored by Russian peacekeepers", shown.EmbedDescription, StringComparison.Ordinal);
        }
    }
}
