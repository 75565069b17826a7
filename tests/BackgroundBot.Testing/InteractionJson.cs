using System.Globalization;
using System.Text.Json.Nodes;

namespace BackgroundBot.Testing;

/// <summary>Interaction objects as Discord sends them.</summary>
public static class InteractionJson
{
    /// <summary>The server every interaction comes from unless a test says otherwise; tests make it the bot's home server.</summary>
    public const string HomeGuild = "500";

    public static JsonObject Command(ulong id, string name = "ask", string question = "what is a fact?") => new()
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["application_id"] = "1000",
        ["type"] = 2,
        ["token"] = "itoken-" + id.ToString(CultureInfo.InvariantCulture),
        ["version"] = 1,
        ["guild_id"] = HomeGuild,
        ["channel_id"] = "600",
        ["locale"] = "en-US",
        ["app_permissions"] = "2048",
        ["member"] = new JsonObject
        {
            ["user"] = new JsonObject { ["id"] = "700", ["username"] = "ada", ["global_name"] = "Ada" },
            ["roles"] = new JsonArray("800"),
            ["permissions"] = "2048",
        },
        ["data"] = new JsonObject
        {
            ["id"] = "900",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }),
        },
    };

    public static JsonObject Autocomplete(ulong id, string partial)
    {
        var json = Command(id, question: partial);
        json["type"] = 4;
        json["data"]!["options"]![0]!["focused"] = true;
        return json;
    }

    /// <summary>A slash command with any options, as a member of guild 500 in channel 600.</summary>
    public static JsonObject Command(ulong id, string name, JsonArray options, string userId = "700", string permissions = "2048", string channelId = "600")
    {
        var json = Command(id, name);
        json["data"]!["options"] = options;
        json["channel_id"] = channelId;
        json["member"]!["user"]!["id"] = userId;
        json["member"]!["permissions"] = permissions;
        return json;
    }

    /// <summary>A button press on a message.</summary>
    public static JsonObject Button(ulong id, string customId, string userId = "700", ulong messageId = 4242)
    {
        var json = Command(id);
        json["type"] = 3;
        json["member"]!["user"]!["id"] = userId;
        json["message"] = new JsonObject { ["id"] = messageId.ToString(CultureInfo.InvariantCulture), ["channel_id"] = "600", ["content"] = "" };
        json["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        return json;
    }

    /// <summary>A submitted modal with its text inputs.</summary>
    public static JsonObject ModalSubmit(ulong id, string customId, IReadOnlyDictionary<string, string> values, string userId = "700")
    {
        var json = Command(id);
        json["type"] = 5;
        json["member"]!["user"]!["id"] = userId;
        var rows = new JsonArray();
        foreach (var (input, value) in values)
        {
            rows.Add(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = input, ["value"] = value }),
            });
        }

        json["data"] = new JsonObject { ["custom_id"] = customId, ["components"] = rows };
        return json;
    }

    public static JsonObject Ping() => new() { ["id"] = "1", ["application_id"] = "1000", ["type"] = 1, ["token"] = "ping-token", ["version"] = 1 };
}
