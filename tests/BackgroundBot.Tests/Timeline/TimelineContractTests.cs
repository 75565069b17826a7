using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;

namespace BackgroundBot.Tests.Timeline;

/// <summary>The <c>/timeline</c> command and its replies (the multipart edit's payload_json included) validate against Discord's OpenAPI spec.</summary>
[Trait("Category", "Contract")]
public sealed class TimelineContractTests
{
    [Fact]
    public async Task The_timeline_command_and_its_replies_are_valid_for_discord()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(b =>
        {
            b.Settings["Store:SeedPack"] = "true";
            return Task.CompletedTask;
        });
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PUT", "/applications/1000/commands"));
        await bot.InteractAsync(id => InteractionJson.Command(id, "timeline", new JsonArray(new JsonObject { ["name"] = "topic", ["type"] = 3, ["value"] = "ceasefire" })));

        var bodies = bot.Discord.Requests.Where(r => r.Body.Length > 0 && r.Method is "POST" or "PUT" or "PATCH").ToList();
        var problems = bodies.SelectMany(r => DiscordOpenApiSpec.Instance.Validate(r.Method, r.Path, r.Body).Select(p => $"{r.Method} {r.Path}: {p}")).ToList();

        Assert.Contains(bodies, r => r.Method == "PATCH" && r.Files.Count == 1 && r.Body.Contains("\"attachments\"", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
