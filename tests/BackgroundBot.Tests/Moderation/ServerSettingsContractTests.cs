using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;

namespace BackgroundBot.Tests.Moderation;

/// <summary>The <c>/settings</c> command and its replies validate against Discord's OpenAPI spec (needs ../shared; CI runs it).</summary>
[Trait("Category", "Contract")]
public sealed class ServerSettingsContractTests
{
    [Fact]
    public async Task The_settings_command_and_its_replies_are_valid_for_discord()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PUT", "/applications/1000/commands"));
        await bot.InteractAsync(id => InteractionJson.Command(id, "settings", Sub("show"), permissions: "32"), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Command(id, "settings", Sub("review-channel", new JsonObject { ["name"] = "channel", ["type"] = 7, ["value"] = "4321" }), permissions: "32"), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Command(id, "settings", new JsonArray(new JsonObject
        {
            ["name"] = "moderator-roles", ["type"] = 2, ["options"] = Sub("add", new JsonObject { ["name"] = "role", ["type"] = 8, ["value"] = "77" }),
        }), permissions: "32"), requests: 1);
        await bot.InteractAsync(id => InteractionJson.Command(id, "settings", Sub("show")), requests: 1);

        var bodies = bot.Discord.Requests.Where(r => r.Body.Length > 0 && r.Method is "POST" or "PUT").ToList();
        var problems = bodies.SelectMany(r => DiscordOpenApiSpec.Instance.Validate(r.Method, r.Path, r.Body).Select(p => $"{r.Method} {r.Path}: {p}")).ToList();

        Assert.Contains(bodies, r => r.Method == "PUT" && r.Body.Contains("\"settings\"", StringComparison.Ordinal));
        Assert.True(bodies.Count >= 5, $"Only {bodies.Count} bodies were sent.");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static JsonArray Sub(string name, params JsonObject[] options) =>
        new(new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = new JsonArray(options) });
}
