using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Answering.Generative;
using BackgroundBot.Tests.ScriptedOpenAi;

namespace BackgroundBot.Tests.Community;

/// <summary>With a model configured, the answer streams into the message by edits, at most one per interval.</summary>
public sealed class StreamingThroughDiscordTests
{
    [Fact]
    public async Task A_generative_answer_streams_in_by_edits_then_becomes_the_cited_embed()
    {
        await using var model = await ScriptedOpenAiServer.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        model.Enqueue(new ScriptedReply
        {
            Compose = r => $"Russian peacekeepers monitor the Lachin corridor, according to the article [{PromptPassages.NumberOf(r, "monitored by Russian peacekeepers")}].",
            HoldAfterFirstChunk = release.Task,
        });
        await using var bot = await BotOnFakeDiscord.StartAsync(b =>
        {
            foreach (var (key, value) in GenerativeAnswererTests.LlmSettings(model))
            {
                b.Settings[key] = value;
            }

            return Task.CompletedTask;
        });

        await bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command(
            70_001, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "Who monitors the Lachin corridor?" })));
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PATCH", "itoken-70001/messages/@original"));
        var draft = JsonNode.Parse(bot.Discord.RequestsTo("PATCH", "itoken-70001/messages/@original")[0].Body)!;
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        release.SetResult();
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync(
            r => r.Method == "PATCH" && r.Path.Contains("itoken-70001", StringComparison.Ordinal) && r.Body.Contains("\"embeds\":[{", StringComparison.Ordinal)));

        Assert.Equal("Russian peacekeepers monitor ▌", draft["content"]!.GetValue<string>());
        var final = JsonNode.Parse(bot.Discord.RequestsTo("PATCH", "itoken-70001/messages/@original")[^1].Body)!;
        Assert.Equal("Russian peacekeepers monitor the Lachin corridor, according to the article. [1]", final["embeds"]![0]!["description"]!.GetValue<string>());
        Assert.Contains("Generative answer", final["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
