using System.Globalization;
using System.Text.Json.Nodes;

namespace BackgroundBot.Discord.Tests.Support;

/// <summary>Interaction objects as Discord sends them.</summary>
public static class InteractionJson
{
    public static JsonObject Command(ulong id, string name = "ask", string question = "what is a fact?") => new()
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["application_id"] = "1000",
        ["type"] = 2,
        ["token"] = "itoken-" + id.ToString(CultureInfo.InvariantCulture),
        ["version"] = 1,
        ["guild_id"] = "500",
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

    public static JsonObject Ping() => new() { ["id"] = "1", ["application_id"] = "1000", ["type"] = 1, ["token"] = "ping-token", ["version"] = 1 };
}
