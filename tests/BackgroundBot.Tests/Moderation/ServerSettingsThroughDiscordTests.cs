using System.Text.Json.Nodes;
using BackgroundBot.LiteDb;
using BackgroundBot.Moderation;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Community;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

/// <summary>
/// <c>/settings</c> through the fake Discord, on a real LiteDB file: each server's admins set their own review
/// channel, roles and allowed channels; the configured values are the defaults; the home-server rule still holds.
/// </summary>
public sealed class ServerSettingsThroughDiscordTests
{
    private const string OtherGuild = "501";
    private const string ManageServer = "32";
    private const string Member = "2048";

    [Fact]
    public async Task An_admin_sets_and_shows_the_servers_settings_and_each_change_is_audited()
    {
        await using var bot = await StartAsync();
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();

        var before = await SettingsAsync(bot, Sub("show"), ManageServer);
        var channel = await SettingsAsync(bot, Sub("review-channel", Snowflake("channel", 7, "4321")), ManageServer);
        await SettingsAsync(bot, Group("moderator-roles", "add", Snowflake("role", 8, "77")), ManageServer);
        await SettingsAsync(bot, Group("educator-roles", "add", Snowflake("role", 8, "88")), ManageServer);
        await SettingsAsync(bot, Group("allowed-channels", "add", Snowflake("channel", 7, "601")), ManageServer);
        var shown = await SettingsAsync(bot, Sub("show"), ManageServer);

        Assert.Contains("Review channel: <#999> (default)", Content(before), StringComparison.Ordinal);
        Assert.Contains("Moderator roles: none (members with Manage Server) (default)", Content(before), StringComparison.Ordinal);
        Assert.StartsWith("Saved", Content(channel), StringComparison.Ordinal);
        Assert.Contains("Review channel: <#4321> (set here)", Content(shown), StringComparison.Ordinal);
        Assert.Contains("Moderator roles: <@&77> (set here)", Content(shown), StringComparison.Ordinal);
        Assert.Contains("Educator roles: <@&88> (set here)", Content(shown), StringComparison.Ordinal);
        Assert.Contains("Allowed channels for /ask: <#601> (set here)", Content(shown), StringComparison.Ordinal);
        Assert.Equal(64, JsonNode.Parse(shown.Body)!["data"]!["flags"]!.GetValue<int>());

        var stored = store.FindGuildSettings(InteractionJson.HomeGuild)!;
        Assert.Equal(4321UL, stored.ReviewChannelId);
        Assert.Equal([77UL], stored.ModeratorRoleIds);

        var audit = store.AuditOf($"guild/{InteractionJson.HomeGuild}");
        Assert.Equal(["settings.review-channel", "settings.moderator-roles.add", "settings.educator-roles.add", "settings.allowed-channels.add"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("discord:700", a.Actor));
        Assert.Null(audit[0].Before);
        Assert.Contains("4321", audit[0].After, StringComparison.Ordinal);
        Assert.Contains("4321", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("77", audit[1].After, StringComparison.Ordinal);

        // Reset goes back to the configured default, and that too is audited.
        var reset = await SettingsAsync(bot, Group("moderator-roles", "reset"), ManageServer);
        Assert.Contains("Moderator roles: none (members with Manage Server) (default)", Content(reset), StringComparison.Ordinal);
        Assert.Null(store.FindGuildSettings(InteractionJson.HomeGuild)!.ModeratorRoleIds);
        Assert.Equal("settings.moderator-roles.reset", store.AuditOf($"guild/{InteractionJson.HomeGuild}")[^1].Action);
    }

    [Fact]
    public async Task A_member_without_Manage_Server_is_refused_and_nothing_changes()
    {
        await using var bot = await StartAsync();
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();
        var audit = store.RecentAudit(1000).Count;

        var set = await SettingsAsync(bot, Sub("review-channel", Snowflake("channel", 7, "4321")), Member);
        var add = await SettingsAsync(bot, Group("moderator-roles", "add", Snowflake("role", 8, "800")), Member);
        var show = await SettingsAsync(bot, Sub("show"), Member);

        Assert.All([set, add, show], r => Assert.Equal(SettingsInteractionHandler.NotAnAdmin, Content(r)));
        Assert.Null(store.FindGuildSettings(InteractionJson.HomeGuild));
        Assert.Equal(audit, store.RecentAudit(1000).Count);
    }

    [Fact]
    public async Task A_forged_interaction_from_another_server_cannot_change_this_servers_settings()
    {
        await using var bot = await StartAsync();
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();

        // An admin of server 501 changes only 501's settings, whatever channel or role ids they send.
        var roles = await SettingsAsync(bot, Group("moderator-roles", "add", Snowflake("role", 8, "800")), ManageServer, OtherGuild);
        var review = await SettingsAsync(bot, Sub("review-channel", Snowflake("channel", 7, "4321")), ManageServer, OtherGuild);

        Assert.StartsWith("Saved", Content(roles), StringComparison.Ordinal);
        Assert.Equal(SettingsInteractionHandler.ReviewChannelOfHome, Content(review));
        Assert.Null(store.FindGuildSettings(InteractionJson.HomeGuild));
        Assert.Equal([800UL], store.FindGuildSettings(OtherGuild)!.ModeratorRoleIds);
        Assert.Null(store.FindGuildSettings(OtherGuild)!.ReviewChannelId);
        var home = await SettingsAsync(bot, Sub("show"), ManageServer);
        Assert.Contains("Moderator roles: none (members with Manage Server) (default)", Content(home), StringComparison.Ordinal);
        Assert.Contains("Review channel: <#999> (default)", Content(home), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_go_to_the_stored_review_channel_and_those_from_another_server_to_the_home_servers()
    {
        await using var bot = await StartAsync();
        await SettingsAsync(bot, Sub("review-channel", Snowflake("channel", 7, "4321")), ManageServer);

        var home = await bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string> { ["statement"] = "The corridor reopened in 2025." }, userId: "321"), requests: 1);
        var other = await bot.InteractAsync(id => InGuild(InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string> { ["statement"] = "The border moved in 2024." }, userId: "322"), OtherGuild), requests: 1);

        Assert.StartsWith("Thanks", Content(home[0]), StringComparison.Ordinal);
        Assert.StartsWith("Thanks", Content(other[0]), StringComparison.Ordinal);
        var posts = bot.Discord.Messages.In("4321");
        Assert.Equal(2, posts.Count);
        Assert.StartsWith("**Suggestion #1**", posts[0].Content, StringComparison.Ordinal);
        Assert.StartsWith("**Suggestion #2**", posts[1].Content, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.Messages.In("999"));
    }

    [Fact]
    public async Task A_moderator_role_set_in_the_home_server_grants_curation_there_and_not_in_another_server()
    {
        await using var bot = await StartAsync();
        var store = bot.BotServices.GetRequiredService<LiteDbStore>();

        var before = await bot.InteractAsync(id => WithRoles(InteractionJson.ModalSubmit(id, "facts:add", FactForm("A fact added before the role counted.")), "77"), requests: 1);
        await SettingsAsync(bot, Group("moderator-roles", "add", Snowflake("role", 8, "77")), ManageServer);
        await SettingsAsync(bot, Group("moderator-roles", "add", Snowflake("role", 8, "77")), ManageServer, OtherGuild);
        var added = await bot.InteractAsync(id => WithRoles(InteractionJson.ModalSubmit(id, "facts:add", FactForm("Since May 2024 Armenian border guards have guarded the Tavush border villages.")), "77"), requests: 1);
        var fact = store.ListFacts().Single();
        var audit = store.RecentAudit(1000).Count;

        var elsewhere = await bot.InteractAsync(id => InGuild(WithRoles(InteractionJson.Command(id, "facts", Retract(fact.Id)), "77"), OtherGuild), requests: 1);

        Assert.Equal(ModeratorPolicy.NotAModerator, Content(before[0]));
        Assert.StartsWith("Added fact", Content(added[0]), StringComparison.Ordinal);
        Assert.Equal(ModeratorPolicy.NotAHomeServer, Content(elsewhere[0]));
        Assert.Contains("home server", Content(elsewhere[0]), StringComparison.Ordinal);
        Assert.Equal(BackgroundBot.Knowledge.FactStatus.Active, store.FindFact(fact.Id)!.Status);
        Assert.Equal(audit, store.RecentAudit(1000).Count);
    }

    [Fact]
    public async Task Ask_outside_the_servers_allowed_channels_is_refused_privately()
    {
        await using var bot = await StartAsync();
        await SettingsAsync(bot, Group("allowed-channels", "add", Snowflake("channel", 7, "601")), ManageServer);
        var answers = bot.BotServices.GetRequiredService<LiteDbStore>();

        var refused = await bot.InteractAsync(id => InteractionJson.Command(id, "ask", "When did the border guards arrive?"), requests: 1);

        Assert.Equal("In this server I answer questions in <#601> (and in the threads on my answers there).", Content(refused[0]));
        Assert.Equal(64, JsonNode.Parse(refused[0].Body)!["data"]!["flags"]!.GetValue<int>());
        Assert.Null(answers.FindAnswer(1));
    }

    private static Task<BotOnFakeDiscord> StartAsync() => BotOnFakeDiscord.StartAsync(prepareStore: b =>
    {
        b.Settings["Moderation:ReviewChannelId"] = "999";
        return Task.CompletedTask;
    });

    private static async Task<RecordedRequest> SettingsAsync(BotOnFakeDiscord bot, JsonArray options, string permissions, string guild = InteractionJson.HomeGuild)
    {
        var replies = await bot.InteractAsync(id => InGuild(InteractionJson.Command(id, "settings", options, permissions: permissions), guild), requests: 1);
        return replies[0];
    }

    private static JsonObject InGuild(JsonObject interaction, string guild)
    {
        interaction["guild_id"] = guild;
        return interaction;
    }

    private static JsonObject WithRoles(JsonObject interaction, params string[] roles)
    {
        interaction["member"]!["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]);
        return interaction;
    }

    private static JsonArray Sub(string name, params JsonObject[] options) =>
        new(new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) });

    private static JsonArray Group(string group, string name, params JsonObject[] options) =>
        new(new JsonObject { ["name"] = group, ["type"] = 2, ["options"] = Sub(name, options) });

    private static JsonArray Retract(int id) => Sub("retract",
        new JsonObject { ["name"] = "id", ["type"] = 4, ["value"] = id },
        new JsonObject { ["name"] = "reason", ["type"] = 3, ["value"] = "hijacked" });

    private static JsonObject Snowflake(string name, int type, string value) => new() { ["name"] = name, ["type"] = type, ["value"] = value };

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
