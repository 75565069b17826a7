using System.Text.Json.Nodes;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Testing;
using BackgroundBot.Tests.Community;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

/// <summary>Moderators curating from Discord, through the fake Discord with the real bot.</summary>
public sealed class CurationThroughDiscordTests : IAsyncLifetime
{
    private const string Moderator = "32";
    private const string Member = "2048";
    private const string Question = "Who guards the Tavush border villages?";
    private BotOnFakeDiscord _bot = null!;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync(services: null, prepareStore: b =>
    {
        b.Settings["Moderation:ReviewChannelId"] = "999";
        return Task.CompletedTask;
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private LiteDbStore Store => _bot.BotServices.GetRequiredService<LiteDbStore>();

    [Theory]
    [InlineData("facts", "retract", "{\"id\":1,\"reason\":\"x\"}")]
    [InlineData("facts", "add", "{}")]
    [InlineData("facts", "edit", "{\"id\":1}")]
    [InlineData("facts", "undo", "{\"audit_id\":1}")]
    [InlineData("facts", "show", "{\"id\":1}")]
    [InlineData("alias", "add", "{\"name\":\"Goris\",\"alternative\":\"Gorisi\"}")]
    [InlineData("audit", "recent", "{}")]
    [InlineData("gaps", null, "{}")]
    public async Task A_member_without_the_moderator_role_is_refused_every_curation_command(string command, string? sub, string optionsJson)
    {
        var audit = Store.RecentAudit(1000).Count;

        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, command, Options(sub, optionsJson), permissions: Member), requests: 1);

        Assert.Contains("Only moderators can curate", Content(requests[0]), StringComparison.Ordinal);
        Assert.Equal(audit, Store.RecentAudit(1000).Count);
    }

    [Fact]
    public async Task A_member_cannot_curate_by_sending_the_form_or_pressing_the_button_directly()
    {
        var form = await _bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "facts:add", FactForm("A forged fact about Tavush border villages."), userId: "66"), requests: 1);
        var approve = await _bot.InteractAsync(id => Member_(InteractionJson.Button(id, "review:approve:1", userId: "66")), requests: 1);

        Assert.Contains("Only moderators can curate", Content(form[0]), StringComparison.Ordinal);
        Assert.Contains("Only moderators can curate", Content(approve[0]), StringComparison.Ordinal);
        Assert.Empty(Store.ListFacts());
    }

    [Fact]
    public async Task A_moderator_adds_edits_and_retracts_a_fact_and_each_next_ask_reflects_it_and_undo_restores()
    {
        Assert.False(await AskIsGroundedAsync());

        var added = await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, "facts:add", FactForm("Since May 2024 Armenian border guards have guarded the Tavush border villages."))), requests: 1);
        var fact = Store.ListFacts().Single();
        var afterAdd = await AskAsync();
        var edited = await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, $"facts:edit:{fact.Id}:1", FactForm("Since 24 May 2024 Armenian border guards have guarded the Tavush border villages."))), requests: 1);
        var afterEdit = await AskAsync();
        var retracted = await _bot.InteractAsync(id => InteractionJson.Command(id, "facts", Options("retract", $"{{\"id\":{fact.Id},\"reason\":\"source withdrawn\"}}"), permissions: Moderator), requests: 1);
        var afterRetract = await AskIsGroundedAsync();
        var retractAudit = Store.AuditOf($"fact/{fact.Id}").Last().Id;
        var undone = await _bot.InteractAsync(id => InteractionJson.Command(id, "facts", Options("undo", $"{{\"audit_id\":{retractAudit}}}"), permissions: Moderator), requests: 1);

        Assert.StartsWith("Added fact", Content(added[0]), StringComparison.Ordinal);
        Assert.Contains("Since May 2024", afterAdd, StringComparison.Ordinal);
        Assert.StartsWith($"Edited fact {fact.Id}", Content(edited[0]), StringComparison.Ordinal);
        Assert.Contains("Since 24 May 2024", afterEdit, StringComparison.Ordinal);
        Assert.StartsWith($"Retracted fact {fact.Id}", Content(retracted[0]), StringComparison.Ordinal);
        Assert.False(afterRetract);
        Assert.StartsWith("Undid audit entry", Content(undone[0]), StringComparison.Ordinal);
        Assert.Contains("Since 24 May 2024", await AskAsync(), StringComparison.Ordinal);
        Assert.Equal(["fact.add", "fact.edit", "fact.retract", "fact.undo"], Store.AuditOf($"fact/{fact.Id}").Select(a => a.Action));
        Assert.All(Store.AuditOf($"fact/{fact.Id}"), a => Assert.Equal("discord:700", a.Actor));
    }

    [Fact]
    public async Task Two_moderators_editing_the_same_version_are_told_when_the_fact_changed()
    {
        await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, "facts:add", FactForm("Armenian border guards guard the Tavush villages."))), requests: 1);
        var fact = Store.ListFacts().Single();

        await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, $"facts:edit:{fact.Id}:1", FactForm("First moderator's wording about Tavush."))), requests: 1);
        var second = await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, $"facts:edit:{fact.Id}:1", FactForm("Second moderator's wording about Tavush."))), requests: 1);

        Assert.Contains("It changed since you opened it", Content(second[0]), StringComparison.Ordinal);
        Assert.Equal("First moderator's wording about Tavush.", Store.FindFact(fact.Id)!.Statement);
    }

    [Fact]
    public async Task A_suggestion_is_posted_for_review_and_approved_into_a_fact()
    {
        var form = await _bot.InteractAsync(id => InteractionJson.Command(id, "suggest", [], permissions: Member), requests: 1);
        var submitted = await _bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string>
        {
            ["statement"] = "Since May 2024 Armenian border guards have guarded the Tavush border villages.",
            ["date"] = "2024-05",
            ["topic"] = "territory",
            ["source"] = "https://example.org/tavush",
        }, userId: "321"), requests: 1);
        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync("POST", "/channels/999/messages"));
        var post = JsonNode.Parse(_bot.Discord.RequestsTo("POST", "/channels/999/messages").Single().Body)!;
        var approveId = post["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        var approved = await _bot.InteractAsync(id => AsModerator(InteractionJson.Button(id, approveId)), requests: 1);
        var answer = await AskAsync();

        Assert.Equal(9, JsonNode.Parse(form[0].Body)!["type"]!.GetValue<int>());
        Assert.StartsWith("Thanks: your suggested fact is queued for the moderators as #1.", Content(submitted[0]), StringComparison.Ordinal);
        Assert.Contains("Since May 2024 Armenian border guards", post["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(post["allowed_mentions"]!["parse"]!.AsArray());
        var update = JsonNode.Parse(approved[0].Body)!;
        Assert.Equal(7, update["type"]!.GetValue<int>());
        Assert.StartsWith("Your suggested fact #1 was approved and is now fact", update["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Since May 2024 Armenian border guards", answer, StringComparison.Ordinal);
        Assert.Equal(["suggestion.submit", "suggestion.approve"], Store.AuditOf("suggestion/1").Select(a => a.Action));
        Assert.EndsWith("the proposer was told)", update["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("321", JsonNode.Parse(_bot.Discord.RequestsTo("POST", "/users/@me/channels").Single().Body)!["recipient_id"]!.GetValue<string>());
        var dm = JsonNode.Parse(_bot.Discord.RequestsTo("POST", "/channels/9321/messages").Single().Body)!;
        Assert.StartsWith("Your suggested fact #1 was approved and is now fact", dm["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_on_an_answer_is_posted_for_review()
    {
        var ask = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "Who monitors the Lachin corridor?" })));
        var answerId = JsonNode.Parse(ask[1].Body)!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>().Split(':')[^1];

        await _bot.InteractAsync(id => InteractionJson.ModalSubmit(id, $"answer:report-modal:{answerId}", new Dictionary<string, string> { ["problem"] = "The answer omits who blocked the corridor." }), requests: 1);
        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync("POST", "/channels/999/messages"));

        var post = JsonNode.Parse(_bot.Discord.RequestsTo("POST", "/channels/999/messages").Single().Body)!;
        Assert.Contains("(Report)", post["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("The answer omits who blocked the corridor.", post["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["Approve", "Edit", "Reject"], post["components"]![0]!["components"]!.AsArray().Select(b => b!["label"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_moderator_edits_a_suggestion_before_approving_it()
    {
        await _bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string>
        {
            ["statement"] = "armenian border guards guard tavush villages since may 2024",
            ["source"] = "https://example.org/tavush",
        }, userId: "321"), requests: 1);

        var form = await _bot.InteractAsync(id => AsModerator(InteractionJson.Button(id, "review:edit:1")), requests: 1);
        var approved = await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, "review:edit-modal:1", FactForm("Since May 2024 Armenian border guards have guarded the Tavush border villages."))), requests: 1);

        var modal = JsonNode.Parse(form[0].Body)!;
        Assert.Equal(9, modal["type"]!.GetValue<int>());
        Assert.Equal("armenian border guards guard tavush villages since may 2024", modal["data"]!["components"]![0]!["components"]![0]!["value"]!.GetValue<string>());
        Assert.StartsWith("Your suggested fact #1 was approved", JsonNode.Parse(approved[0].Body)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Since May 2024 Armenian border guards have guarded the Tavush border villages.", Store.ListFacts().Single().Statement);
    }

    [Fact]
    public async Task A_rejected_suggestion_tells_why_and_the_review_post_is_updated()
    {
        await _bot.InteractAsync(id => InteractionJson.ModalSubmit(id, "suggest", new Dictionary<string, string> { ["statement"] = "The corridor was never closed." }, userId: "321"), requests: 1);

        var reject = await _bot.InteractAsync(id => AsModerator(InteractionJson.Button(id, "review:reject:1")), requests: 1);
        var decided = await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, "review:reject-modal:1", new Dictionary<string, string> { ["reason"] = "contradicted by every source" })), requests: 1);

        Assert.Equal(9, JsonNode.Parse(reject[0].Body)!["type"]!.GetValue<int>());
        var update = JsonNode.Parse(decided[0].Body)!;
        Assert.Equal(7, update["type"]!.GetValue<int>());
        Assert.StartsWith("Your suggested fact #1 was not accepted: contradicted by every source", update["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_show_a_declined_question_and_then_that_a_new_fact_covers_it()
    {
        await AskIsGroundedAsync();
        var before = await _bot.InteractAsync(id => InteractionJson.Command(id, "gaps", [], permissions: Moderator), requests: 1);
        await _bot.InteractAsync(id => AsModerator(InteractionJson.ModalSubmit(id, "facts:add", FactForm("Since May 2024 Armenian border guards have guarded the Tavush border villages."))), requests: 1);
        var after = await _bot.InteractAsync(id => InteractionJson.Command(id, "gaps", [], permissions: Moderator), requests: 1);

        Assert.Contains($"1× open: {Question}", Content(before[0]), StringComparison.Ordinal);
        Assert.Contains($"1× ✅ covered now: {Question}", Content(after[0]), StringComparison.Ordinal);
    }

    private async Task<string> AskAsync()
    {
        var requests = await _bot.InteractAsync(id => InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = Question })));
        return JsonNode.Parse(requests[1].Body)!["embeds"]![0]!["description"]!.GetValue<string>();
    }

    private async Task<bool> AskIsGroundedAsync() => !(await AskAsync()).StartsWith("The fact store does not cover that", StringComparison.Ordinal);

    private static Dictionary<string, string> FactForm(string statement) => new()
    {
        ["statement"] = statement,
        ["date"] = "2024-05",
        ["topic"] = "territory",
        ["source"] = "https://example.org/tavush",
    };

    private static JsonObject AsModerator(JsonObject interaction)
    {
        interaction["member"]!["permissions"] = Moderator;
        return interaction;
    }

    private static JsonObject Member_(JsonObject interaction)
    {
        interaction["member"]!["permissions"] = Member;
        return interaction;
    }

    private static JsonArray Options(string? sub, string optionsJson)
    {
        var values = JsonNode.Parse(optionsJson)!.AsObject();
        var options = new JsonArray(values.Select(kv => (JsonNode)new JsonObject
        {
            ["name"] = kv.Key,
            ["type"] = kv.Value!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? 4 : 3,
            ["value"] = kv.Value!.DeepClone(),
        }).ToArray());
        return sub is null ? options : new JsonArray(new JsonObject { ["name"] = sub, ["type"] = 1, ["options"] = options });
    }

    private static string Content(BackgroundBot.Testing.FakeDiscord.RecordedRequest request)
    {
        var body = JsonNode.Parse(request.Body)!;
        return (body["data"] ?? body)["content"]!.GetValue<string>();
    }
}
