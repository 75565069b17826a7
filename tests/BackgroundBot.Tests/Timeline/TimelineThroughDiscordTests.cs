using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;
using BackgroundBot.Tests.Infrastructure;
using SkiaSharp;

namespace BackgroundBot.Tests.Timeline;

/// <summary>/timeline as a member sees it, through the fake Discord with the real `run` verb and the starter pack.</summary>
public sealed class TimelineThroughDiscordTests : IAsyncLifetime
{
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync(bot =>
    {
        bot.Settings["Store:SeedPack"] = "true";
        return Task.CompletedTask;
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static JsonArray Options(params (string Name, int Type, JsonNode Value)[] options) =>
        new([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = o.Type, ["value"] = o.Value })]);

    [Fact]
    public async Task Timeline_pages_cited_entries_with_a_chart_attached_and_next_keeps_the_chart()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "timeline", Options(("topic", 3, "ceasefire"))));

        var token = requests[0].Path.Split('/')[3];
        var message = _bot.Discord.Messages.OriginalOf(Uri.UnescapeDataString(token))!;
        var file = Assert.Single(message.Attachments);
        Assert.Equal("timeline.png", file.FileName);
        using (var bitmap = SKBitmap.Decode(file.Content))
        {
            Assert.Equal(1000, bitmap.Width);
        }

        var description = message.EmbedDescription!;
        var entries = description.Split("\n\n");
        Assert.Equal(8, entries.Length);
        Assert.All(entries, e => Assert.Matches(@"^\*\*\d{4}(-\d{2}){0,2}( to \d{4}(-\d{2}){0,2})?\*\* .+\n— source: \[.+\]\(<https?://.+>\)$", e));
        Assert.StartsWith("**1993-10-14** UN Security Council Resolution 874", entries[0], StringComparison.Ordinal);
        Assert.Equal("Timeline: ceasefire", (string?)message.Embeds[0]!["title"]);
        Assert.StartsWith("Page 1 of 5", (string?)message.Embeds[0]!["footer"]!["text"], StringComparison.Ordinal);
        Assert.Equal(["Previous", "Next"], message.ButtonLabels);
        var next = (string)message.Components[0]!["components"]![1]!["custom_id"]!;

        var pressed = await _bot.InteractAsync(id => InteractionJson.Button(id, next), requests: 1);

        var update = JsonNode.Parse(pressed[0].Body)!;
        Assert.Equal(7, (int)update["type"]!);
        Assert.Null(update["data"]!["attachments"]);
        var page2 = (string)update["data"]!["embeds"]![0]!["description"]!;
        Assert.DoesNotContain("Resolution 874", page2, StringComparison.Ordinal);
        Assert.StartsWith("Page 2 of 5", (string?)update["data"]!["embeds"]![0]!["footer"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_place_is_found_under_either_name_and_shown_with_both()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "timeline", Options(("place", 3, "Shusha"), ("to", 4, 1992))));

        var token = Uri.UnescapeDataString(requests[0].Path.Split('/')[3]);
        var description = _bot.Discord.Messages.OriginalOf(token)!.EmbedDescription!;
        Assert.Contains("Shusha (Shushi)", description, StringComparison.Ordinal);
        Assert.DoesNotContain("**1993", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_matching_is_a_private_hint_without_a_picture()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "timeline", Options(("from", 4, 1600), ("to", 4, 1650))), requests: 1);

        var data = JsonNode.Parse(requests[0].Body)!["data"]!;
        Assert.Contains("No dated facts match", (string?)data["content"], StringComparison.Ordinal);
        Assert.Equal(64, (int)data["flags"]!);
        Assert.Empty(requests[0].Files);
    }
}
