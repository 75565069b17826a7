using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Moderation;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Community;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

/// <summary>A suggestion reaches the moderators' review channel once, whatever happens to Discord's answers.</summary>
public sealed class ReviewPostDeliveryTests : IAsyncLifetime
{
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync(prepareStore: b =>
    {
        b.Settings["Moderation:ReviewChannelId"] = "999";
        return Task.CompletedTask;
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_502_after_the_review_post_was_made_posts_the_suggestion_once()
    {
        _bot.Discord.InjectFault("POST", "/channels/999/messages", RestFault.FailsAfterProcessing());

        var submitted = await _bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string>
        {
            ["statement"] = "Since May 2024 Armenian border guards have guarded the Tavush border villages.",
            ["date"] = "2024-05",
            ["topic"] = "territory",
            ["source"] = "https://example.org/tavush",
        }, userId: "321"), requests: 1);

        Assert.Contains("queued for the moderators as #1", (string?)System.Text.Json.Nodes.JsonNode.Parse(submitted[0].Body)!["data"]!["content"], StringComparison.Ordinal);
        var post = Assert.Single(_bot.Discord.Messages.In("999"));
        Assert.StartsWith("**Suggestion #1**", post.Content, StringComparison.Ordinal);
        Assert.Equal(["Approve", "Edit", "Reject"], post.ButtonLabels);
        Assert.Single(_bot.BotServices.GetRequiredService<LiteDbStore>().ListSuggestions());
    }
}
