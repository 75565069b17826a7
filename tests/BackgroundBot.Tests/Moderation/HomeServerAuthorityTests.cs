using System.Text;
using System.Text.Json.Nodes;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Moderation;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Community;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

/// <summary>
/// The bot can be invited to any server, and its commands are global: only the home servers' moderators curate the
/// shared store. Every interaction here is forged as Discord would deliver it from another server, where the sender
/// holds Manage Server.
/// </summary>
public sealed class HomeServerAuthorityTests
{
    private const string OtherGuild = "501";
    private const string ManageServer = "32";

    [Fact]
    public async Task An_admin_of_another_server_cannot_retract_import_or_approve_and_the_store_is_unchanged()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(prepareStore: b =>
        {
            b.Settings["Moderation:ReviewChannelId"] = "999";
            return Task.CompletedTask;
        });
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();
        await bot.InteractAsync(id => WithPermissions(InteractionJson.ModalSubmit(id, "facts:add", FactForm("Since May 2024 Armenian border guards have guarded the Tavush border villages.")), ManageServer), requests: 1);
        var fact = store.ListFacts().Single();
        var suggested = await bot.InteractAsync(id => FromOtherGuild(InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string> { ["statement"] = "The corridor reopened in 2025." }, userId: "321")), requests: 1);
        var preview = await ImportAsync(bot, ManageServer, guild: InteractionJson.HomeGuild, requests: 2);
        var confirmId = JsonNode.Parse(preview[^1].Body)!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        var audit = store.RecentAudit(1000).Count;

        var retract = await bot.InteractAsync(id => FromOtherGuild(InteractionJson.Command(id, "facts", Sub("retract", Int("id", fact.Id), Text("reason", "hijacked")), permissions: ManageServer)), requests: 1);
        var import = await ImportAsync(bot, ManageServer, guild: OtherGuild, requests: 1);
        var confirm = await bot.InteractAsync(id => FromOtherGuild(WithPermissions(InteractionJson.Button(id, confirmId), ManageServer)), requests: 1);
        var approve = await bot.InteractAsync(id => FromOtherGuild(WithPermissions(InteractionJson.Button(id, "review:approve:1"), ManageServer)), requests: 1);
        var editApprove = await bot.InteractAsync(id => FromOtherGuild(WithPermissions(InteractionJson.ModalSubmit(id, "review:edit-modal:1", FactForm("A forged fact.")), ManageServer)), requests: 1);
        var reject = await bot.InteractAsync(id => FromOtherGuild(WithPermissions(InteractionJson.ModalSubmit(id, "review:reject-modal:1", new Dictionary<string, string> { ["reason"] = "x" }), ManageServer)), requests: 1);
        var undo = await bot.InteractAsync(id => FromOtherGuild(InteractionJson.Command(id, "facts", Sub("undo", Int("audit_id", 1)), permissions: ManageServer)), requests: 1);
        var gaps = await bot.InteractAsync(id => FromOtherGuild(InteractionJson.Command(id, "gaps", [], permissions: ManageServer)), requests: 1);

        Assert.All([retract, import, confirm, approve, editApprove, reject, undo, gaps], r => Assert.Equal(ModeratorPolicy.NotAHomeServer, Content(r[0])));
        Assert.Equal(FactStatus.Active, store.FindFact(fact.Id)!.Status);
        Assert.Single(store.ListArticles());
        Assert.Equal(SuggestionStatus.Pending, store.FindSuggestion(1)!.Status);
        Assert.Single(store.ListFacts());
        Assert.Equal(audit, store.RecentAudit(1000).Count);
        Assert.StartsWith("Thanks: your suggested fact is queued for the moderators as #1.", Content(suggested[0]), StringComparison.Ordinal);

        // The preview the forged Confirm pointed at is still there for the home moderator who made it.
        var confirmed = await bot.InteractAsync(id => WithPermissions(InteractionJson.Button(id, confirmId), ManageServer), requests: 1);
        Assert.Contains("imported as article 2", Content(confirmed[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_message_cannot_curate()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();

        var add = await bot.InteractAsync(id => InDirectMessage(InteractionJson.ModalSubmit(id, "facts:add", FactForm("A fact added from a direct message."))), requests: 1);

        Assert.Equal(ModeratorPolicy.NotAHomeServer, Content(add[0]));
        Assert.Empty(store.ListFacts());
    }

    [Fact]
    public async Task Without_a_home_server_curation_is_refused_with_the_setting_named_and_members_still_suggest()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(prepareStore: b =>
        {
            b.Settings.Remove("Moderation:HomeGuildIds:0");
            return Task.CompletedTask;
        });
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();

        var add = await bot.InteractAsync(id => WithPermissions(InteractionJson.ModalSubmit(id, "facts:add", FactForm("Since May 2024 Armenian border guards have guarded the Tavush border villages.")), ManageServer), requests: 1);
        var suggested = await bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string> { ["statement"] = "The corridor reopened in 2025." }, userId: "321"), requests: 1);

        Assert.Contains("Moderation:HomeGuildIds", Content(add[0]), StringComparison.Ordinal);
        Assert.Empty(store.ListFacts());
        Assert.StartsWith("Thanks: your suggested fact is queued", Content(suggested[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_commands_are_registered_in_is_the_home_server_when_none_is_set()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(prepareStore: b =>
        {
            b.Settings.Remove("Moderation:HomeGuildIds:0");
            b.Settings["Discord:GuildId"] = InteractionJson.HomeGuild;
            return Task.CompletedTask;
        });
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();

        var forged = await bot.InteractAsync(id => FromOtherGuild(WithPermissions(InteractionJson.ModalSubmit(id, "facts:add", FactForm("A fact from another server.")), ManageServer)), requests: 1);
        var added = await bot.InteractAsync(id => WithPermissions(InteractionJson.ModalSubmit(id, "facts:add", FactForm("Since May 2024 Armenian border guards have guarded the Tavush border villages.")), ManageServer), requests: 1);

        Assert.Equal(ModeratorPolicy.NotAHomeServer, Content(forged[0]));
        Assert.StartsWith("Added fact", Content(added[0]), StringComparison.Ordinal);
        Assert.Equal("Since May 2024 Armenian border guards have guarded the Tavush border villages.", store.ListFacts().Single().Statement);
    }

    private static Task<IReadOnlyList<RecordedRequest>> ImportAsync(BotOnFakeDiscord bot, string permissions, string guild, int requests)
    {
        var bytes = Encoding.UTF8.GetBytes(Articles.CorridorText);
        var url = bot.Discord.ServeAttachment("talks.txt", bytes);
        return bot.InteractAsync(
            id =>
            {
                var json = InteractionJson.Command(id, "article", Sub("import", new JsonObject { ["name"] = "file", ["type"] = 11, ["value"] = "5555" }), permissions: permissions);
                json["guild_id"] = guild;
                json["data"]!["resolved"] = new JsonObject
                {
                    ["attachments"] = new JsonObject
                    {
                        ["5555"] = new JsonObject
                        {
                            ["id"] = "5555",
                            ["filename"] = "talks.txt",
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

    private static JsonObject FromOtherGuild(JsonObject interaction)
    {
        interaction["guild_id"] = OtherGuild;
        return interaction;
    }

    private static JsonObject InDirectMessage(JsonObject interaction)
    {
        // Discord sends `user` instead of `member` outside a server.
        interaction.Remove("guild_id");
        interaction["user"] = interaction["member"]!["user"]!.DeepClone();
        interaction.Remove("member");
        return interaction;
    }

    private static JsonObject WithPermissions(JsonObject interaction, string permissions)
    {
        interaction["member"]!["permissions"] = permissions;
        return interaction;
    }

    private static JsonArray Sub(string name, params JsonObject[] options) =>
        new(new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) });

    private static JsonObject Int(string name, int value) => new() { ["name"] = name, ["type"] = 4, ["value"] = value };

    private static JsonObject Text(string name, string value) => new() { ["name"] = name, ["type"] = 3, ["value"] = value };

    private static Dictionary<string, string> FactForm(string statement) => new()
    {
        ["statement"] = statement,
        ["date"] = "2024-05",
        ["topic"] = "territory",
        ["source"] = "https://example.org/tavush",
    };

    private static string Content(RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        return (body["data"] ?? body)["content"]!.GetValue<string>();
    }
}
