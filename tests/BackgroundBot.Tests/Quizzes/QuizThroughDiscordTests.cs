using System.Globalization;
using System.Text.Json.Nodes;
using BackgroundBot.Knowledge;
using BackgroundBot.Quizzes;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Community;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Quizzes;

/// <summary>A quiz as the room sees it, through the fake Discord with the real `run` verb, the starter pack and a fake clock.</summary>
public sealed class QuizThroughDiscordTests : IAsyncLifetime
{
    private const string Educator = "16"; // Manage Channels
    private BotOnFakeDiscord _bot = null!;
    private ulong _next = 90_000;

    public async Task InitializeAsync() => _bot = await BotOnFakeDiscord.StartAsync(bot =>
    {
        bot.Settings["Store:SeedPack"] = "true";
        return Task.CompletedTask;
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Two_questions_one_member_right_and_fast_one_wrong_one_silent_reveal_counts_and_leaderboard()
    {
        var start = await SendAsync(id => InteractionJson.Command(id, "quiz", Start(count: 2, seconds: 10), userId: "710", permissions: Educator), requests: 2);
        var quiz = _bot.BotServices.GetRequiredService<IQuizStore>().RunningIn(600)!;
        var first = quiz.Questions[0];
        var questionMessage = _bot.Discord.Messages.FollowUpsOf(start.Token).Single();
        Assert.Equal(first.Options.Select((o, i) => $"{"ABCD"[i]}. {o}"), questionMessage.ButtonLabels);
        Assert.Contains("10 s left", (string?)questionMessage.Embeds[0]!["footer"]!["text"], StringComparison.Ordinal);
        var wrong = (first.Answer + 1) % 4;

        var right = await SendAsync(id => Press(id, CustomId(questionMessage, first.Answer), "701", "Ada"), requests: 1);
        var again = await SendAsync(id => Press(id, CustomId(questionMessage, wrong), "701", "Ada"), requests: 1);
        var miss = await SendAsync(id => Press(id, CustomId(questionMessage, wrong), "702", "Bea"), requests: 1);

        Assert.StartsWith("Answer recorded: " + QuizMessages.Option(first, first.Answer), Reply(right), StringComparison.Ordinal);
        Assert.Equal(QuizInteractionHandler.AlreadyAnswered, Reply(again));
        Assert.StartsWith("Answer recorded", Reply(miss), StringComparison.Ordinal);
        Assert.All(new[] { right, again, miss }, r => Assert.Equal(64, (int)JsonNode.Parse(r.Requests[0].Body)!["data"]!["flags"]!));

        await _bot.PumpUntilAsync(_bot.Discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.Contains(start.Token, StringComparison.Ordinal) && r.Body.Contains("leaderboard", StringComparison.Ordinal)));

        var messages = _bot.Discord.Messages.FollowUpsOf(start.Token);
        Assert.Equal(3, messages.Count);
        var reveal = messages[0];
        Assert.Contains($"**Right answer: {QuizMessages.Option(first, first.Answer)}**", reveal.EmbedDescription, StringComparison.Ordinal);
        Assert.Contains($"Source: [{first.SourceTitle}](<{first.SourceUrl}>) (fact {first.FactId})", reveal.EmbedDescription, StringComparison.Ordinal);
        var tally = ((string)reveal.Embeds[0]!["fields"]![0]!["value"]!).Split('\n');
        Assert.Equal($"{QuizMessages.Option(first, first.Answer)}: 1 ✓", tally[first.Answer]);
        Assert.Equal($"{QuizMessages.Option(first, wrong)}: 1", tally[wrong]);
        Assert.Equal(2, tally.Count(t => t.EndsWith(": 0", StringComparison.Ordinal)));
        Assert.All(reveal.Components[0]!["components"]!.AsArray(), b => Assert.True((bool)b!["disabled"]!));

        // The countdown was edited every 5 seconds at most: once at 5 s left, for a 10-second question.
        var edits = _bot.Discord.Requests.Where(r => r.Method == "PATCH" && r.Path.Contains(start.Token, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, edits.Count(e => e.Body.Contains("5 s left", StringComparison.Ordinal)));
        Assert.Equal(2, edits.Count(e => e.Body.Contains("Right answer", StringComparison.Ordinal)));
        Assert.Equal(4, edits.Count);

        var board = messages[2];
        Assert.Equal("Quiz over: leaderboard", (string?)board.Embeds[0]!["title"]);
        Assert.Equal("1. **Ada**: 1000 points (1 of 2 right)\n2. **Bea**: 0 points (0 of 2 right)", board.EmbedDescription);
        Assert.All(_bot.Discord.RequestsTo("POST", start.Token).Concat(edits), r => Assert.DoesNotContain("<@", r.Body, StringComparison.Ordinal));
        Assert.All(_bot.Discord.RequestsTo("POST", start.Token).Where(r => r.Body.Length > 0 && !r.Path.EndsWith("/callback", StringComparison.Ordinal)),
            r => Assert.Empty(JsonNode.Parse(r.Body)!["allowed_mentions"]!["parse"]!.AsArray()));

        var late = await SendAsync(id => Press(id, CustomId(questionMessage, first.Answer), "703", "Cy"), requests: 1);
        Assert.Equal(QuizInteractionHandler.Closed, Reply(late));

        var store = _bot.BotServices.GetRequiredService<IQuizStore>();
        var finished = QuizResult.FinishedIn(store, 600, quiz.StartedAt);
        var result = Assert.Single(finished);
        Assert.Equal(["Ada", "Bea"], result.Leaderboard.Select(e => e.UserName));
        Assert.All(result.Quiz.Questions, q => AssertSupported(q, _bot.BotServices.GetRequiredService<IKnowledgeStore>().FindFact(q.FactId)!));
    }

    [Fact]
    public async Task A_member_who_is_no_educator_cannot_start_a_quiz()
    {
        var start = await SendAsync(id => InteractionJson.Command(id, "quiz", Start(count: 1, seconds: 10), userId: "720"), requests: 1);

        Assert.Equal(QuizInteractionHandler.NotAnEducator, Reply(start));
        Assert.Null(_bot.BotServices.GetRequiredService<IQuizStore>().RunningIn(600));
    }

    [Fact]
    public async Task A_quiz_left_running_by_a_stopped_bot_is_closed_when_an_educator_starts_another_and_a_running_one_blocks_a_second()
    {
        var store = _bot.BotServices.GetRequiredService<IQuizStore>();
        var leftover = store.Write(w => w.InsertQuiz(new QuizRun
        {
            GuildId = 500, ChannelId = 600, StartedBy = 710, Seconds = 20, StartedAt = _bot.Time.GetUtcNow().AddHours(-1), Current = 0,
            Questions = new QuizGenerator(_bot.BotServices.GetRequiredService<IKnowledgeStore>()).Generate(null, 1, new Random(3)),
        }));

        var start = await SendAsync(id => InteractionJson.Command(id, "quiz", Start(count: 1, seconds: 10), userId: "710", permissions: Educator), requests: 2);
        var second = await SendAsync(id => InteractionJson.Command(id, "quiz", Start(count: 1, seconds: 10), userId: "711", permissions: Educator), requests: 1);

        Assert.StartsWith("Quiz time", Reply(start), StringComparison.Ordinal);
        Assert.Equal(QuizStatus.Abandoned, store.FindQuiz(leftover.Id)!.Status);
        Assert.Contains("already running", Reply(second), StringComparison.Ordinal);
        Assert.NotEqual(leftover.Id, store.RunningIn(600)!.Id);
    }

    [Fact]
    public async Task A_quiz_another_instance_is_running_in_the_channel_blocks_a_start_here_and_keeps_running()
    {
        // On a shared PostgreSQL store the quiz's runner is another instance: this one knows it only from the store.
        var store = _bot.BotServices.GetRequiredService<IQuizStore>();
        var now = _bot.Time.GetUtcNow();
        var elsewhere = store.Write(w => w.InsertQuiz(new QuizRun
        {
            GuildId = 500, ChannelId = 600, StartedBy = 710, Seconds = 20, StartedAt = now.AddSeconds(-40), Current = 1, AskedAt = now.AddSeconds(-5),
            Questions = new QuizGenerator(_bot.BotServices.GetRequiredService<IKnowledgeStore>()).Generate(null, 2, new Random(3)),
        }));

        var start = await SendAsync(id => InteractionJson.Command(id, "quiz", Start(count: 1, seconds: 10), userId: "711", permissions: Educator), requests: 1);

        Assert.Equal(QuizInteractionHandler.AlreadyRunning, Reply(start));
        Assert.Equal(QuizStatus.Running, store.FindQuiz(elsewhere.Id)!.Status);
        Assert.Equal(elsewhere.Id, store.RunningIn(600)!.Id);
    }

    private static void AssertSupported(QuizQuestion question, Fact fact)
    {
        Assert.Equal(fact.Id, question.FactId);
        if (question.Kind == QuizKind.Date)
        {
            Assert.StartsWith(question.RightOption, fact.Date!, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(question.Value, fact.Statement, StringComparison.Ordinal);
        }

        Assert.Equal(fact.Source?.Url, question.SourceUrl);
    }

    private static JsonArray Start(int count, int seconds) => new(new JsonObject
    {
        ["name"] = "start",
        ["type"] = 1,
        ["options"] = new JsonArray(
            new JsonObject { ["name"] = "count", ["type"] = 4, ["value"] = count },
            new JsonObject { ["name"] = "seconds", ["type"] = 4, ["value"] = seconds }),
    });

    private static JsonObject Press(ulong id, string customId, string userId, string name)
    {
        var json = InteractionJson.Button(id, customId, userId);
        json["member"]!["user"]!["global_name"] = name;
        return json;
    }

    private static string CustomId(FakeMessage message, int option) => (string)message.Components[0]!["components"]![option]!["custom_id"]!;

    private static string Reply(Sent sent) => (string)JsonNode.Parse(sent.Requests[0].Body)!["data"]!["content"]!;

    // Sent without moving the clock: a member's press must land while the question is open.
    private async Task<Sent> SendAsync(Func<ulong, JsonObject> interaction, int requests)
    {
        var id = Interlocked.Increment(ref _next);
        var token = "itoken-" + id.ToString(CultureInfo.InvariantCulture);
        await _bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction(id));
        await _bot.Discord.WaitForRequestsAsync(r => r.Path.Contains(token, StringComparison.Ordinal) && r.AnsweredWith != 0, requests);
        return new Sent(token, _bot.Discord.Requests.Where(r => r.Path.Contains(token, StringComparison.Ordinal)).ToList());
    }

    private sealed record Sent(string Token, IReadOnlyList<RecordedRequest> Requests);
}
