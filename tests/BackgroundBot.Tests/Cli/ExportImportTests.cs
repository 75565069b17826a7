using System.Text.Json.Nodes;
using BackgroundBot.Cli;
using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Sessions;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Cli;

public sealed class ExportImportTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    private string PathOf(string name) => Path.Combine(_folder.Path, name);

    [Fact]
    public async Task Exporting_then_importing_into_an_empty_store_yields_an_identical_export()
    {
        var source = PathOf("source.db");
        await CliRun.RunAsync("facts", "add", "--statement", "A curated fact.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/f", "--db", source);
        await CliRun.RunAsync("facts", "retract", "1", "--reason", "test", "--db", source);
        await CliRun.RunAsync("import", _folder.Write("talks.txt", Articles.CorridorText), "--db", source);

        var export = await CliRun.RunAsync("export", "--out", PathOf("first.json"), "--db", source);
        var import = await CliRun.RunAsync("import-pack", PathOf("first.json"), "--db", PathOf("restored.db"));
        await CliRun.RunAsync("export", "--out", PathOf("second.json"), "--db", PathOf("restored.db"));
        var answer = await CliRun.RunAsync("ask", "Who hosted the talks on the Lachin corridor?", "--db", PathOf("restored.db"));

        Assert.Equal(ExitCodes.Success, export.ExitCode);
        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Equal(File.ReadAllText(PathOf("first.json")), File.ReadAllText(PathOf("second.json")));
        Assert.Contains("European Union", answer.Output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(PathOf("first.json")))!;
        Assert.Equal("backgroundbot-export", json["format"]!.GetValue<string>());
        Assert.Equal(4, json["version"]!.GetValue<int>());
        Assert.Contains("\n  \"articles\": [\n", File.ReadAllText(PathOf("first.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_errors_reports_each_with_its_location_and_imports_nothing()
    {
        await CliRun.RunAsync("export", "--out", PathOf("good.json"), "--db", PathOf("source.db"));
        var json = JsonNode.Parse(File.ReadAllText(PathOf("good.json")))!;
        json["version"] = 7;
        json["passages"]![0]!["articleId"] = 999;
        json["facts"]![1]!["topic"] = "weather";
        json["aliases"]![2]!["id"] = json["aliases"]![3]!["id"]!.GetValue<int>();
        json["quizAnswers"] = JsonNode.Parse("""[{ "quizId": 999, "question": 0, "userId": 7, "userName": "Ani", "option": 1, "correct": true, "points": 100, "at": "2026-11-30T06:00:00+00:00" }]""");
        File.WriteAllText(PathOf("bad.json"), json.ToJsonString());

        var run = await CliRun.RunAsync("import-pack", PathOf("bad.json"), "--db", PathOf("target.db"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("version: this build reads versions 1 to 4, found 7.", run.Error, StringComparison.Ordinal);
        Assert.Contains("passages[0]: belongs to article 999, which is not in the file.", run.Error, StringComparison.Ordinal);
        Assert.Contains("facts[1]: Unknown topic 'weather'; the topics are ceasefire, mediation, territory, humanitarian, politics, history, demographics", run.Error, StringComparison.Ordinal);
        Assert.Contains("aliases[3]: id", run.Error, StringComparison.Ordinal);
        Assert.Contains("quizAnswers[0]: is an answer in quiz 999, which is not in the file.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported; the store is unchanged.", run.Error, StringComparison.Ordinal);
        using var target = new LiteDB.LiteDatabase(PathOf("target.db"));
        Assert.Equal(0, target.GetCollection("articles").Count() + target.GetCollection("facts").Count() + target.GetCollection("audit").Count());
    }

    [Fact]
    public async Task Malformed_json_and_a_non_empty_store_are_refused()
    {
        File.WriteAllText(PathOf("broken.json"), "{ \"format\": ");
        await CliRun.RunAsync("export", "--out", PathOf("good.json"), "--db", PathOf("source.db"));

        var malformed = await CliRun.RunAsync("import-pack", PathOf("broken.json"), "--db", PathOf("t1.db"));
        var notEmpty = await CliRun.RunAsync("import-pack", PathOf("good.json"), "--db", PathOf("source.db"));

        Assert.Equal(ExitCodes.BadInput, malformed.ExitCode);
        Assert.Contains("broken.json: not valid JSON at line 1", malformed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, notEmpty.ExitCode);
        Assert.Contains("is not empty; import-pack restores into a new store", notEmpty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_the_review_queue_and_feedback_are_exported_and_restored_by_import_pack()
    {
        var source = PathOf("source.db");
        await CliRun.RunAsync("ask", "Who won the football world cup in 2018?", "--db", source);
        await CliRun.RunAsync("review", "add", "The 1989 census counted the oblast's population.", "--topic", "demographics", "--db", source);
        using (var host = await BotHost.StartAsync(source, null, CancellationToken.None))
        {
            host.Services.GetRequiredService<LiteDbStore>().Write(write =>
            {
                var answer = write.InsertAnswer(new AnswerRecord { Question = "Who brokered the 2020 ceasefire?", Text = "Russia. [1]", Grounded = true, PassageIds = [1], AskerId = "42" });
                write.PutFeedback(new AnswerFeedback { Id = $"{answer.Id}:42", AnswerId = answer.Id, UserId = "42", Helpful = true, At = TestStore.Start });
                var session = write.Sessions().TryStartSession(new Session
                {
                    GuildId = "500", ChannelId = "600", Topic = "Ceasefires", EducatorId = "700", EducatorName = "Ada", StartedAt = TestStore.Start, EndsAt = TestStore.Start.AddHours(1),
                })!;
                write.Sessions().UpdateSession(session with { Status = SessionStatus.Ended, Transcript = "# Live Q&A: Ceasefires" });
                write.Sessions().PutQuestion(new SessionQuestion { SessionId = session.Id, Text = "Who mediated?", AskerId = "42", AskerName = "Bea", Anonymous = true, VoterIds = ["43"], AskedAt = TestStore.Start });
                return 0;
            });
        }

        await CliRun.RunAsync("export", "--out", PathOf("first.json"), "--db", source);
        var import = await CliRun.RunAsync("import-pack", PathOf("first.json"), "--db", PathOf("restored.db"));
        await CliRun.RunAsync("export", "--out", PathOf("second.json"), "--db", PathOf("restored.db"));
        var gaps = await CliRun.RunAsync("gaps", "--db", PathOf("restored.db"));
        var review = await CliRun.RunAsync("review", "list", "--db", PathOf("restored.db"));

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Equal(File.ReadAllText(PathOf("first.json")), File.ReadAllText(PathOf("second.json")));
        var json = JsonNode.Parse(File.ReadAllText(PathOf("first.json")))!;
        Assert.Equal("Who won the football world cup in 2018?", json["gaps"]![0]!["question"]!.GetValue<string>());
        Assert.Equal("demographics", json["reviewQueue"]![0]!["topic"]!.GetValue<string>());
        Assert.True(json["feedback"]![0]!["helpful"]!.GetValue<bool>());
        Assert.Equal("Who brokered the 2020 ceasefire?", json["answers"]![0]!["question"]!.GetValue<string>());
        Assert.Equal("# Live Q&A: Ceasefires", json["sessions"]![0]!["transcript"]!.GetValue<string>());
        Assert.Equal("42", json["sessionQuestions"]![0]!["askerId"]!.GetValue<string>());
        Assert.Contains("Who won the football world cup in 2018?", gaps.Output, StringComparison.Ordinal);
        Assert.Contains("The 1989 census counted", review.Output, StringComparison.Ordinal);
        using var restored = new LiteDB.LiteDatabase(PathOf("restored.db"));
        Assert.Equal(1, restored.GetCollection("feedback").Count());
        Assert.Equal(1, restored.GetCollection("session_questions").Count());
    }

    [Fact]
    public async Task A_version_1_export_without_gaps_or_review_queue_still_imports()
    {
        await CliRun.RunAsync("export", "--out", PathOf("new.json"), "--db", PathOf("source.db"));
        var json = JsonNode.Parse(File.ReadAllText(PathOf("new.json")))!.AsObject();
        json["version"] = 1;
        foreach (var added in new[] { "gaps", "reviewQueue", "answers", "feedback", "sessions", "sessionQuestions" })
        {
            json.Remove(added);
        }

        File.WriteAllText(PathOf("old.json"), json.ToJsonString());

        var run = await CliRun.RunAsync("import-pack", PathOf("old.json"), "--db", PathOf("target.db"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Imported", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
