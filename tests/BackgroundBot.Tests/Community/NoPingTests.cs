using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Community;

public sealed class NoPingTests
{
    [Fact]
    public async Task An_answer_quoting_everyone_and_a_user_mention_pings_nobody()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(async b =>
        {
            var file = b.Folder.Write("rally.txt", "title: Rally\n\nOrganisers of the rally in Stepanakert posted @everyone and <@123456> to call supporters to the square on the first day. The police said the gathering on the square stayed peaceful throughout the afternoon and evening.");
            var import = await CliRun.RunAsync("import", file, "--db", b.Db);
            Assert.Equal(0, import.ExitCode);
        });

        var requests = await bot.InteractAsync(id => InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "What did the organisers of the rally post?" })));

        var edit = JsonNode.Parse(requests[1].Body)!;
        Assert.Contains("@everyone", edit["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(edit["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(JsonNode.Parse(requests[0].Body)!["data"]!["allowed_mentions"]!["parse"]!.AsArray());
    }
}
