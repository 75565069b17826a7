using System.Text.Json.Nodes;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Community;

/// <summary>What a community member sees, through the fake Discord: the whole bot runs as `run` runs it.</summary>
public sealed class AskThroughDiscordTests : IAsyncLifetime
{
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static JsonArray Question(string question, bool? isPrivate = null)
    {
        var options = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question });
        if (isPrivate is { } p)
        {
            options.Add(new JsonObject { ["name"] = "private", ["type"] = 5, ["value"] = p });
        }

        return options;
    }

    [Fact]
    public async Task Ask_acknowledges_at_once_then_edits_in_a_cited_embed_with_buttons()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question("Who monitors the Lachin corridor?")));

        var callback = JsonNode.Parse(requests[0].Body)!;
        Assert.EndsWith("/callback", requests[0].Path, StringComparison.Ordinal);
        Assert.Equal(4, callback["type"]!.GetValue<int>());
        Assert.Contains("Looking that up", callback["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var edit = JsonNode.Parse(requests[1].Body)!;
        Assert.Equal("PATCH", requests[1].Method);
        Assert.EndsWith("/messages/@original", requests[1].Path, StringComparison.Ordinal);
        var embed = edit["embeds"]![0]!;
        Assert.Equal("Who monitors the Lachin corridor?", embed["title"]!.GetValue<string>());
        Assert.Contains("monitored by Russian peacekeepers", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"\[1\]$", embed["description"]!.GetValue<string>());
        Assert.StartsWith("[1] Azerbaijan launches offensive in Nagorno-Karabakh (2023-11-16)", embed["fields"]![0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Extractive answer", embed["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var buttons = edit["components"]![0]!["components"]!.AsArray().Select(b => b!["label"]!.GetValue<string>());
        Assert.Equal(["Show sources", "Helpful", "Not helpful", "Report a problem"], buttons);
        Assert.Empty(edit["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task A_private_question_gets_an_ephemeral_answer()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question("Who monitors the Lachin corridor?", isPrivate: true)));

        Assert.Equal(64, JsonNode.Parse(requests[0].Body)!["data"]!["flags"]!.GetValue<int>() & 64);
    }

    [Theory]
    [InlineData("   ", "The question is empty")]
    [InlineData("<@123> https://example.org", "only mentions or links")]
    public async Task Empty_and_link_only_questions_get_a_clear_private_reply(string question, string expected)
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question(question)), requests: 1);

        var data = JsonNode.Parse(requests[0].Body)!["data"]!;
        Assert.Contains(expected, data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(64, data["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_over_long_question_is_refused_with_the_limit()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question(new string('x', 501))), requests: 1);

        Assert.Contains("the limit is 500", JsonNode.Parse(requests[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_over_the_limit_is_told_when_to_try_again()
    {
        for (var i = 0; i < 5; i++)
        {
            await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question("Who monitors the Lachin corridor?")));
        }

        var limited = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question("Who monitors the Lachin corridor?")), requests: 1);
        _bot.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question("Who monitors the Lachin corridor?")));

        var data = JsonNode.Parse(limited[0].Body)!["data"]!;
        Assert.Equal("That's a lot of questions at once: please try again in 60 seconds.", data["content"]!.GetValue<string>());
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Equal(2, again.Count);
    }

    [Fact]
    public async Task Show_sources_quotes_each_cited_passage_privately()
    {
        var answerId = await AskAndGetAnswerIdAsync();

        var requests = await _bot.InteractAsync(id => InteractionJson.Button(id, $"answer:sources:{answerId}"), requests: 1);

        var data = JsonNode.Parse(requests[0].Body)!["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        var embed = data["embeds"]![0]!;
        Assert.StartsWith("[1] Azerbaijan launches offensive", embed["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("monitored by Russian peacekeepers", embed["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("published 2023-11-16", embed["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Helpful_votes_are_one_per_member_and_can_be_changed()
    {
        var answerId = await AskAndGetAnswerIdAsync();

        await _bot.InteractAsync(id => InteractionJson.Button(id, $"answer:helpful:{answerId}", userId: "1"), requests: 1);
        await _bot.InteractAsync(id => InteractionJson.Button(id, $"answer:helpful:{answerId}", userId: "2"), requests: 1);
        var changed = await _bot.InteractAsync(id => InteractionJson.Button(id, $"answer:unhelpful:{answerId}", userId: "1"), requests: 1);

        Assert.Contains("noted as not helpful", JsonNode.Parse(changed[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var votes = _bot.BotServices.GetRequiredService<LiteDbStore>().FeedbackFor(answerId).OrderBy(v => v.UserId).ToList();
        Assert.Equal([("1", false), ("2", true)], votes.Select(v => (v.UserId, v.Helpful)));
    }

    [Fact]
    public async Task Report_a_problem_opens_a_modal_and_the_report_reaches_the_review_queue()
    {
        var answerId = await AskAndGetAnswerIdAsync();

        var modal = await _bot.InteractAsync(id => InteractionJson.Button(id, $"answer:report:{answerId}"), requests: 1);
        var submitted = await _bot.InteractAsync(
            id => InteractionJson.ModalSubmit(id, $"answer:report-modal:{answerId}", new Dictionary<string, string> { ["problem"] = "It leaves out who blocked the corridor." }),
            requests: 1);

        var modalBody = JsonNode.Parse(modal[0].Body)!;
        Assert.Equal(9, modalBody["type"]!.GetValue<int>());
        Assert.Equal($"answer:report-modal:{answerId}", modalBody["data"]!["custom_id"]!.GetValue<string>());
        Assert.StartsWith("Thanks: your report is queued for the moderators as #1.", JsonNode.Parse(submitted[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var report = Assert.Single(_bot.BotServices.GetRequiredService<LiteDbStore>().ListSuggestions());
        Assert.Equal("Who monitors the Lachin corridor?", report.Question);
        Assert.Equal("It leaves out who blocked the corridor.", report.Text);
    }

    [Fact]
    public async Task Autocomplete_suggests_questions_matching_what_was_typed()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Autocomplete(id, "lachin corr"), requests: 1);

        var choices = JsonNode.Parse(requests[0].Body)!["data"]!["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal("lachin corr", choices[0]);
        Assert.Contains("What is the Lachin corridor?", choices);
        Assert.InRange(choices.Count, 2, 25);
    }

    [Fact]
    public async Task Source_and_about_answer_privately()
    {
        var source = await _bot.InteractAsync(id => InteractionJson.Command(id, "source", new JsonArray(new JsonObject { ["name"] = "id", ["type"] = 4, ["value"] = 1 })), requests: 1);
        var about = await _bot.InteractAsync(id => InteractionJson.Command(id, "about", []), requests: 1);

        Assert.StartsWith("Passage 1 · Azerbaijan launches offensive", JsonNode.Parse(source[0].Body)!["data"]!["embeds"]![0]!["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("curated fact store of 1 articles", JsonNode.Parse(about[0].Body)!["data"]!["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_commands_are_registered_once_at_start()
    {
        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync("PUT", "/applications/1000/commands"));

        var commands = _bot.Discord.CommandsOf("global");
        var names = commands.Select(c => c!["name"]!.GetValue<string>()).Order();
        Assert.Equal(["about", "alias", "article", "ask", "audit", "facts", "faq", "gaps", "quiz", "session", "settings", "source", "suggest", "timeline"], names);
        Assert.Equal("32", commands.Single(c => c!["name"]!.GetValue<string>() == "facts")!["default_member_permissions"]!.GetValue<string>());
        Assert.Equal("32", commands.Single(c => c!["name"]!.GetValue<string>() == "settings")!["default_member_permissions"]!.GetValue<string>());
        Assert.Single(_bot.Discord.RequestsTo("PUT", "/applications/1000/commands"));
    }

    private async Task<int> AskAndGetAnswerIdAsync()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", Question("Who monitors the Lachin corridor?")));
        var customId = JsonNode.Parse(requests[1].Body)!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        return int.Parse(customId["answer:sources:".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
