using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

/// <summary>/article import: an upload is previewed and stored only on Confirm.</summary>
public sealed class ArticleImportThroughDiscordTests : IAsyncLifetime
{
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private LiteDbStore Store => _bot.BotServices.GetRequiredService<LiteDbStore>();

    [Fact]
    public async Task An_upload_is_previewed_and_only_stored_on_confirm()
    {
        var preview = await ImportAsync("talks.txt", Articles.CorridorText, requests: 2);
        var embed = JsonNode.Parse(preview[^1].Body)!["embeds"]![0]!;
        var confirmId = JsonNode.Parse(preview[^1].Body)!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var articlesWhilePreviewing = Store.ListArticles().Count;

        var confirmed = await _bot.InteractAsync(id => Moderator(InteractionJson.Button(id, confirmId)), requests: 1);
        var again = await _bot.InteractAsync(id => Moderator(InteractionJson.Button(id, confirmId)), requests: 1);

        Assert.Equal("Preview: Talks on the Lachin corridor", embed["title"]!.GetValue<string>());
        Assert.Contains("Published: 2023-05-02", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("2 passages. Nothing is stored until you confirm.", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Negotiators from both countries", embed["fields"]![0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, articlesWhilePreviewing);
        var update = JsonNode.Parse(confirmed[0].Body)!;
        Assert.Equal(7, update["type"]!.GetValue<int>());
        Assert.Contains("imported as article 2 (Talks on the Lachin corridor), 2 passages.", update["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("already confirmed or cancelled", JsonNode.Parse(again[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, Store.ListArticles().Count);
        Assert.Equal($"discord:700", Store.ListArticles()[1].ImportedBy);
    }

    [Fact]
    public async Task Cancel_stores_nothing()
    {
        var preview = await ImportAsync("talks.txt", Articles.CorridorText, requests: 2);
        var cancelId = JsonNode.Parse(preview[^1].Body)!["components"]![0]!["components"]![1]!["custom_id"]!.GetValue<string>();

        var cancelled = await _bot.InteractAsync(id => Moderator(InteractionJson.Button(id, cancelId)), requests: 1);

        Assert.Equal("Import cancelled; nothing was stored.", JsonNode.Parse(cancelled[0].Body)!["data"]!["content"]!.GetValue<string>());
        Assert.Single(Store.ListArticles());
    }

    [Fact]
    public async Task A_wrong_file_type_is_refused_with_one_clear_line()
    {
        var refused = await ImportAsync("scan.pdf", "%PDF-1.7", requests: 2);

        Assert.Equal("scan.pdf: unsupported file type '.pdf'; import takes .txt, .md or .html files. Nothing was stored.", JsonNode.Parse(refused[^1].Body)!["content"]!.GetValue<string>());
        Assert.Single(Store.ListArticles());
    }

    [Fact]
    public async Task Members_cannot_import_list_or_remove()
    {
        var import = await ImportAsync("talks.txt", Articles.CorridorText, requests: 1, permissions: "2048");
        var remove = await _bot.InteractAsync(id => InteractionJson.Command(id, "article", Sub("remove", new JsonObject { ["name"] = "id", ["type"] = 4, ["value"] = 1 }, new JsonObject { ["name"] = "reason", ["type"] = 3, ["value"] = "x" })), requests: 1);

        Assert.Contains("Only moderators", JsonNode.Parse(import[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Only moderators", JsonNode.Parse(remove[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(Store.ListArticles());
    }

    [Fact]
    public async Task A_moderator_lists_and_removes_articles()
    {
        var list = await _bot.InteractAsync(id => Moderator(InteractionJson.Command(id, "article", Sub("list"))), requests: 1);
        var remove = await _bot.InteractAsync(id => Moderator(InteractionJson.Command(id, "article", Sub("remove", new JsonObject { ["name"] = "id", ["type"] = 4, ["value"] = 1 }, new JsonObject { ["name"] = "reason", ["type"] = 3, ["value"] = "duplicate" }))), requests: 1);

        Assert.StartsWith("1. Azerbaijan launches offensive in Nagorno-Karabakh (2023-11-16), 7 passages", JsonNode.Parse(list[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Removed article 1", JsonNode.Parse(remove[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Store.ListArticles());
    }

    private async Task<IReadOnlyList<Testing.FakeDiscord.RecordedRequest>> ImportAsync(string name, string content, int requests, string permissions = "32")
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var url = _bot.Discord.ServeAttachment(name, bytes);
        return await _bot.InteractAsync(
            id =>
            {
                var json = InteractionJson.Command(id, "article", Sub("import", new JsonObject { ["name"] = "file", ["type"] = 11, ["value"] = "5555" }), permissions: permissions);
                json["data"]!["resolved"] = new JsonObject
                {
                    ["attachments"] = new JsonObject
                    {
                        ["5555"] = new JsonObject
                        {
                            ["id"] = "5555",
                            ["filename"] = name,
                            ["size"] = bytes.Length,
                            ["url"] = url.AbsoluteUri,
                            ["proxy_url"] = url.AbsoluteUri,
                            ["content_type"] = "text/plain",
                        },
                    },
                };
                return json;
            },
            requests);
    }

    private static JsonArray Sub(string name, params JsonObject[] options) =>
        new(new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) });

    private static JsonObject Moderator(JsonObject interaction)
    {
        interaction["member"]!["permissions"] = "32";
        return interaction;
    }
}
