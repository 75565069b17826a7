using System.Text.Json.Nodes;
using BackgroundBot.Moderation;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;

namespace BackgroundBot.Tests.Moderation;

/// <summary>One member cannot flood the moderators: suggestions and reports are limited per member, and the member is told.</summary>
public sealed class SubmissionLimitTests : IAsyncLifetime
{
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync(prepareStore: b =>
    {
        b.Settings["Moderation:ReviewChannelId"] = "999";
        return Task.CompletedTask;
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_burst_of_30_suggestions_reaches_the_moderators_3_times_and_the_member_is_told_privately_why_not_the_rest()
    {
        var ids = Enumerable.Range(0, 30).Select(i => (ulong)(70_000 + i)).ToList();
        foreach (var id in ids)
        {
            await _bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", Suggestion(id, "321", $"Suggested fact number {id}."));
        }

        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync(r => r.Path.EndsWith("/callback", StringComparison.Ordinal) && r.Path.Contains("/itoken-7", StringComparison.Ordinal), 30));

        var replies = ids.Select(id => JsonNode.Parse(_bot.Discord.RequestsTo("POST", $"/interactions/{id}/itoken-{id}/callback").Single().Body)!["data"]!).ToList();
        var queued = replies.Where(r => r["content"]!.GetValue<string>().StartsWith("Thanks: your suggested fact is queued", StringComparison.Ordinal)).ToList();
        var refused = replies.Except(queued).ToList();
        Assert.Equal(3, queued.Count);
        Assert.Equal(27, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.StartsWith("You have sent 3 suggestions or reports in the last 10 minutes", r["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("try again in 10 minutes", r["content"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(64, r["flags"]!.GetValue<int>());
        });
        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync("POST", "/channels/999/messages", 3));
        Assert.Equal(3, _bot.Discord.RequestsTo("POST", "/channels/999/messages").Count);
    }

    [Fact]
    public async Task Reports_count_toward_the_same_limit_other_members_are_not_held_back_and_the_window_passes()
    {
        for (var i = 0; i < 3; i++)
        {
            await _bot.InteractAsync(id => Suggestion(id, "321", $"Suggestion {i} about the corridor."), requests: 1);
        }

        var report = await _bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "answer:report-modal:1", new Dictionary<string, string> { ["problem"] = "The answer omits who blocked it." }, userId: "321"), requests: 1);
        var other = await _bot.InteractAsync(id => Suggestion(id, "654", "Another member's suggestion."), requests: 1);
        _bot.Time.Advance(TimeSpan.FromMinutes(10));
        var later = await _bot.InteractAsync(id => Suggestion(id, "321", "A suggestion ten minutes later."), requests: 1);

        Assert.StartsWith("You have sent 3 suggestions or reports", Content(report[0]), StringComparison.Ordinal);
        Assert.StartsWith("Thanks: your suggested fact is queued for the moderators as #4.", Content(other[0]), StringComparison.Ordinal);
        Assert.StartsWith("Thanks: your suggested fact is queued for the moderators as #5.", Content(later[0]), StringComparison.Ordinal);
        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync("POST", "/channels/999/messages", 5));
        Assert.Equal(5, _bot.Discord.RequestsTo("POST", "/channels/999/messages").Count);
    }

    private static JsonObject Suggestion(ulong id, string userId, string statement) =>
        InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string> { ["statement"] = statement }, userId: userId);

    private static string Content(BackgroundBot.Testing.FakeDiscord.RecordedRequest request) =>
        JsonNode.Parse(request.Body)!["data"]!["content"]!.GetValue<string>();
}
