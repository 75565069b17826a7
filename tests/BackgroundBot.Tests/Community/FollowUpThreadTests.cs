using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Community;

/// <summary>The bot opens a thread on each answer; asking again there carries the earlier question as context.</summary>
public sealed class FollowUpThreadTests
{
    [Fact]
    public async Task A_follow_up_in_the_answers_thread_is_answered_in_the_context_of_the_first_question()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(async b =>
        {
            b.Settings["Store:SeedOnFirstRun"] = "false";
            var file = b.Folder.Write("monitors.txt", """
                title: Who watches what

                Since February 2023 a civilian mission of the European Union has monitored the border on the Armenian side. Its patrols report on incidents and publish summaries every month for the public.

                Under the 2020 statement the Lachin corridor was monitored by Russian peacekeepers. Their posts stood along the road that links the region to Armenia.
                """);
            Assert.Equal(0, (await CliRun.RunAsync(["import", file, "--db", b.Db], h => Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(h.Configuration, b.Settings))).ExitCode);
        });

        var corridor = await AskAsync(bot, "What is the Lachin corridor?", channel: "600");
        var corridorThread = await ThreadOpenedAsync(bot, corridor, 1);
        var border = await AskAsync(bot, "What happened on the border with Armenia?", channel: "600");
        var borderThread = await ThreadOpenedAsync(bot, border, 2);

        var inCorridorThread = await AskAsync(bot, "And who monitored it?", corridorThread);
        var inBorderThread = await AskAsync(bot, "And who monitored it?", borderThread);

        Assert.Contains("Russian peacekeepers", Description(inCorridorThread), StringComparison.Ordinal);
        Assert.DoesNotContain("European Union", Description(inCorridorThread), StringComparison.Ordinal);
        Assert.StartsWith("Since February 2023 a civilian mission of the European Union", Description(inBorderThread), StringComparison.Ordinal);
        Assert.Equal(2, bot.Discord.RequestsTo("POST", "/threads").Count);
    }

    private static async Task<IReadOnlyList<Testing.FakeDiscord.RecordedRequest>> AskAsync(BotOnFakeDiscord bot, string question, string channel) =>
        await bot.InteractAsync(id => InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }), channelId: channel));

    /// <summary>Waits for the thread the bot opens on an answer in channel 600 and returns the thread's id.</summary>
    private static async Task<string> ThreadOpenedAsync(BotOnFakeDiscord bot, IReadOnlyList<Testing.FakeDiscord.RecordedRequest> answer, int nth)
    {
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("POST", "/threads", nth));
        var request = bot.Discord.RequestsTo("POST", "/threads")[nth - 1];
        Assert.StartsWith("/channels/600/messages/", request.Path, StringComparison.Ordinal);
        Assert.Equal(JsonNode.Parse(answer[1].Body)!["embeds"]![0]!["title"]!.GetValue<string>(), JsonNode.Parse(request.Body)!["name"]!.GetValue<string>());
        return request.Path.Split('/')[4];
    }

    private static string Description(IReadOnlyList<Testing.FakeDiscord.RecordedRequest> answer) =>
        JsonNode.Parse(answer[1].Body)!["embeds"]![0]!["description"]!.GetValue<string>();
}
