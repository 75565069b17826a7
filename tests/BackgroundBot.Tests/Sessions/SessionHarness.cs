using System.Globalization;
using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Community;

namespace BackgroundBot.Tests.Sessions;

/// <summary>Members of server 500 in channel 600 using <c>/session</c>, <c>/ask</c> and the session's buttons, through the fake Discord.</summary>
internal static class SessionHarness
{
    public const string Channel = "600";
    public const string Educator = "700";

    // Manage Channels (16): an educator where the server has no educator roles. 2048 is Send Messages only.
    public const string ManageChannels = "16";
    public const string Member = "2048";

    public static readonly Dictionary<string, string> NameOf = new()
    {
        [Educator] = "Ada",
        ["701"] = "Bea",
        ["702"] = "Cem",
        ["703"] = "Dan",
    };

    public static JsonObject Sub(string name, params (string Name, object Value)[] options)
    {
        var leaves = new JsonArray();
        foreach (var (option, value) in options)
        {
            var (type, node) = value switch
            {
                bool b => (5, (JsonNode)JsonValue.Create(b)),
                int i => (4, JsonValue.Create(i)),
                _ => (3, JsonValue.Create((string)value)),
            };
            leaves.Add(new JsonObject { ["name"] = option, ["type"] = option == "member" ? 6 : type, ["value"] = node });
        }

        return new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = leaves };
    }

    public static async Task<RecordedRequest> SessionAsync(this BotOnFakeDiscord bot, string user, JsonObject subcommand, string permissions = Member, int requests = 1) =>
        (await bot.InteractAsync(id => As(InteractionJson.Command(id, "session", new JsonArray(subcommand), user, permissions), user), requests))[^1];

    public static async Task<IReadOnlyList<RecordedRequest>> AskAsync(this BotOnFakeDiscord bot, string user, string question) =>
        await bot.InteractAsync(id => As(InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }), user), user), requests: 1);

    /// <summary>Presses a button (or picks in a select menu) and waits for the bot's answer to it, and for <paramref name="channelEdits"/> edits of channel messages.</summary>
    public static async Task<IReadOnlyList<RecordedRequest>> PressAsync(this BotOnFakeDiscord bot, string user, string customId, int requests = 2, int channelEdits = 0, string? value = null, string permissions = Member)
    {
        var edits = bot.Discord.RequestsTo("PATCH", $"/channels/{Channel}/messages/").Count;
        var replies = await bot.InteractAsync(id =>
        {
            var json = As(InteractionJson.Button(id, customId, user), user);
            json["member"]!["permissions"] = permissions;
            if (value is not null)
            {
                json["data"]!["component_type"] = 3;
                json["data"]!["values"] = new JsonArray(value);
            }

            return json;
        }, requests);
        if (channelEdits > 0)
        {
            await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PATCH", $"/channels/{Channel}/messages/", edits + channelEdits));
        }

        return replies;
    }

    /// <param name="expectEdit">Whether the vote counts (the question's message is edited); false for a refused one.</param>
    public static Task<IReadOnlyList<RecordedRequest>> VoteAsync(this BotOnFakeDiscord bot, string user, int question, bool expectEdit = true) =>
        bot.PressAsync(user, "session:vote:" + question.ToString(CultureInfo.InvariantCulture), requests: 1, channelEdits: expectEdit ? 1 : 0);

    public static async Task<IReadOnlyList<RecordedRequest>> SubmitOwnWordsAsync(this BotOnFakeDiscord bot, string user, string customId, string answer) =>
        await bot.InteractAsync(id => As(InteractionJson.ModalSubmit(id, customId, new Dictionary<string, string> { ["answer"] = answer }, user), user), requests: 1);

    /// <summary>The text a reply shows: the callback's, or the edit's after a deferral.</summary>
    public static string Content(RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        return (string?)(body["data"] ?? body)?["content"] ?? "";
    }

    /// <summary>The first embed's description of a reply (the panel's).</summary>
    public static string Description(RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        return (string?)(body["data"] ?? body)?["embeds"]?[0]?["description"] ?? "";
    }

    /// <summary>The custom ids of every button and menu on a reply, by label (menus by placeholder).</summary>
    public static Dictionary<string, string> Controls(RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        var rows = (body["data"] ?? body)?["components"]?.AsArray() ?? [];
        return rows.SelectMany(r => r!["components"]!.AsArray())
            .ToDictionary(c => (string?)c!["label"] ?? (string)c!["placeholder"]!, c => (string)c!["custom_id"]!);
    }

    private static JsonObject As(JsonObject interaction, string user)
    {
        interaction["member"]!["user"]!["id"] = user;
        interaction["member"]!["user"]!["username"] = NameOf[user].ToLowerInvariant();
        interaction["member"]!["user"]!["global_name"] = NameOf[user];
        return interaction;
    }
}
