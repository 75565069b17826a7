using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;

namespace BackgroundBot.Tests.Quizzes;

/// <summary>The /quiz and /faq commands and every message a quiz and the FAQ send validate against Discord's OpenAPI spec.</summary>
[Trait("Category", "Contract")]
public sealed class QuizAndFaqContractTests
{
    [Fact]
    public async Task The_quiz_and_faq_commands_and_their_messages_are_valid_for_discord()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(b =>
        {
            b.Settings["Store:SeedPack"] = "true";
            return Task.CompletedTask;
        });
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PUT", "/applications/1000/commands"));
        await bot.InteractAsync(id => InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "Who monitors the Lachin corridor?" })));
        await bot.InteractAsync(id => InteractionJson.Command(id, "faq", new JsonArray(new JsonObject { ["name"] = "list", ["type"] = 1, ["options"] = new JsonArray() })));
        var start = new JsonArray(new JsonObject
        {
            ["name"] = "start", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "count", ["type"] = 4, ["value"] = 1 }, new JsonObject { ["name"] = "seconds", ["type"] = 4, ["value"] = 10 }),
        });
        await bot.InteractAsync(id => InteractionJson.Command(id, "quiz", start, permissions: "16"));
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Body.Contains("leaderboard", StringComparison.Ordinal)));

        var bodies = bot.Discord.Requests.Where(r => r.Body.Length > 0 && r.Method is "POST" or "PUT" or "PATCH").ToList();
        var problems = bodies.SelectMany(r => DiscordOpenApiSpec.Instance.Validate(r.Method, r.Path, r.Body).Select(p => $"{r.Method} {r.Path}: {p}")).ToList();

        Assert.Contains(bodies, r => r.Method == "PUT" && r.Body.Contains("\"quiz\"", StringComparison.Ordinal) && r.Body.Contains("\"faq\"", StringComparison.Ordinal));
        Assert.Contains(bodies, r => r.Method == "PATCH" && r.Body.Contains("Right answer", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }
}
