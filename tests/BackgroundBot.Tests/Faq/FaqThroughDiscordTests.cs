using System.Text.Json.Nodes;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Faq;

/// <summary>The FAQ as members and moderators see it, after a series of /ask through the fake Discord with the real `run` verb.</summary>
public sealed class FaqThroughDiscordTests : IAsyncLifetime
{
    private const string Moderator = "32"; // Manage Server, on the home server
    private const string Lachin = "Who monitors the Lachin corridor?";
    private const string Bishkek = "When was the Bishkek Protocol signed?";
    private const string Minsk = "Who were the Minsk Group co-chairs?";
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotOnFakeDiscord.StartAsync(bot =>
        {
            bot.Settings["Store:SeedPack"] = "true";
            return Task.CompletedTask;
        });
        var member = 800;
        foreach (var question in new[] { Lachin, Bishkek, "Who is monitoring the Lachin corridor?", Minsk, "What date was the Bishkek Protocol signed?", "who monitors the lachin corridor" })
        {
            // A member each: one member asking six times in a row would meet the per-member limit.
            var user = (member++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }), userId: user));
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Faq_lists_groups_of_one_meaning_most_asked_first_a_pinned_one_on_top_and_a_hidden_one_gone()
    {
        var before = await ListAsync();

        Assert.Equal([$"1. {Lachin}", $"2. {Bishkek}", $"3. {Minsk}"], Entries(before).Select(e => e.Title));
        Assert.Equal(["asked 3 times", "asked 2 times", "asked once"], Entries(before).Select(e => e.Asked));
        Assert.Contains("Russian peacekeepers", before, StringComparison.Ordinal);
        Assert.Contains("-# [1] [", before, StringComparison.Ordinal);

        var pinned = await CurateAsync("pin", "Who were the co-chairs of the Minsk Group?");
        var hidden = await CurateAsync("hide", Bishkek);
        var after = await ListAsync();

        Assert.Contains("is pinned", pinned, StringComparison.Ordinal);
        Assert.Contains("is hidden", hidden, StringComparison.Ordinal);
        Assert.Equal([$"1. {Minsk}", $"2. {Lachin}"], Entries(after).Select(e => e.Title));
        Assert.Contains($"**1. {Minsk}** 📌", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Bishkek", after, StringComparison.Ordinal);
        var audit = _bot.BotServices.GetRequiredService<IKnowledgeStore>().RecentAudit(10);
        Assert.Contains(audit, a => a.Action == "faq.pin" && a.Actor == "discord:700" && a.Subject == "faq/who were the minsk group co chairs");
        Assert.Contains(audit, a => a.Action == "faq.hide" && a.Subject == "faq/when was the bishkek protocol signed");
    }

    [Fact]
    public async Task Only_moderators_curate_the_faq()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "faq", Sub("hide", Lachin)), requests: 1);

        Assert.Contains("Only moderators", (string?)JsonNode.Parse(requests[0].Body)!["data"]!["content"], StringComparison.Ordinal);
        Assert.Equal($"1. {Lachin}", Entries(await ListAsync())[0].Title);
    }

    [Fact]
    public async Task An_answer_is_recomputed_from_the_store_so_a_retracted_source_drops_out()
    {
        var builder = _bot.BotServices.GetRequiredService<FaqBuilder>();
        var knowledge = _bot.BotServices.GetRequiredService<IKnowledgeStore>();
        var first = (await builder.BuildAsync(null, FaqBuilder.DefaultPeriod, 3, CancellationToken.None)).Single(i => i.Question == Bishkek);
        var cited = first.Answer.Citations.Select(c => c.FactId).OfType<int>().First();

        knowledge.Write(w => w.UpdateFactWithPassage(knowledge.FindFact(cited)! with { Status = FactStatus.Retracted, RetractionReason = "test" }));
        var again = (await builder.BuildAsync(null, FaqBuilder.DefaultPeriod, 3, CancellationToken.None)).FirstOrDefault(i => i.Question == Bishkek);

        Assert.True(again is null || again.Answer.Citations.All(c => c.FactId != cited), "the retracted fact is no longer cited");
    }

    private async Task<string> ListAsync()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "faq", new JsonArray(new JsonObject { ["name"] = "list", ["type"] = 1, ["options"] = new JsonArray() })));
        return (string)JsonNode.Parse(requests[^1].Body)!["embeds"]![0]!["description"]!;
    }

    private async Task<string> CurateAsync(string action, string question)
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "faq", Sub(action, question), permissions: Moderator));
        return (string)JsonNode.Parse(requests[^1].Body)!["content"]!;
    }

    private static JsonArray Sub(string name, string question) => new(new JsonObject
    {
        ["name"] = name,
        ["type"] = 1,
        ["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }),
    });

    private static List<(string Title, string Asked)> Entries(string description) =>
        System.Text.RegularExpressions.Regex.Matches(description, @"^\*\*(\d+\. [^*]+)\*\*(?: 📌)? · (asked [^\n]+)$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
}
