using System.Text.Json;
using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Answering.Evaluation;

/// <summary>The <c>eval</c> verb as a moderator runs it, on the product's store (seed article and starter pack).</summary>
public sealed class EvalVerbTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    private string Db => Path.Combine(_folder.Path, "eval.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_development_set_scores_90_percent_of_answerable_every_contested_question_with_both_accounts_and_every_refusal()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "TestData", "dev-breadth.json");

        var run = await CliRun.RunAsync("eval", file, "--json", "--db", Db);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var kinds = json.RootElement.GetProperty("kinds").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kind").GetString()!, k => (Passed: k.GetProperty("passed").GetInt32(), Total: k.GetProperty("total").GetInt32()));
        var misses = string.Join('\n', json.RootElement.GetProperty("questions").EnumerateArray()
            .Where(q => !q.GetProperty("passed").GetBoolean())
            .Select(q => $"{q.GetProperty("id").GetString()}: {q.GetProperty("miss").GetString()}"));
        Assert.Equal(60, kinds["answerable"].Total);
        Assert.True(kinds["answerable"].Passed >= 54, $"answerable {kinds["answerable"].Passed}/60:\n{misses}");
        Assert.Equal((10, 10), kinds["contested"]);
        Assert.Equal((15, 15), kinds["refuse"]);
    }

    [Fact]
    public async Task Misses_are_printed_with_a_summary_line_and_min_fails_the_run()
    {
        var file = _folder.Write("two.json", """
            {"about": "two questions", "questions": [
              {"id": "a1", "question": "When did the Bishkek Protocol come out?", "answer_keywords": ["1994"]},
              {"id": "a2", "question": "Who won the 2018 football world cup?", "answer_keywords": ["france"]}
            ]}
            """);

        var run = await CliRun.RunAsync("eval", file, "--min", "0.9", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("MISS a2 [answerable] Who won the 2018 football world cup?", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MISS a1", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("passed 1/2 (50.0 %): answerable 1/2", run.Output.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_eval_run_does_not_add_its_questions_to_the_moderators_gaps()
    {
        var file = _folder.Write("one.json", """{"questions": [{"id": "g", "question": "Who won the 2018 football world cup?", "answer_keywords": ["france"]}]}""");

        await CliRun.RunAsync("eval", file, "--db", Db);
        var gaps = await CliRun.RunAsync("gaps", "--db", Db);

        Assert.DoesNotContain("world cup", gaps.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("{\"questions\": [", "not valid JSON")]
    [InlineData("{\"items\": []}", "expected an object with a \"questions\" array")]
    [InlineData("{\"questions\": [{\"id\": \"x\", \"question\": \"When?\", \"kind\": \"maybe\"}]}", "questions[0].kind")]
    [InlineData("{\"questions\": [{\"id\": \"x\", \"question\": \"When?\"}]}", "questions[0].answer_keywords")]
    public async Task A_malformed_question_file_is_refused_in_one_line_naming_the_problem(string content, string expected)
    {
        var file = _folder.Write("bad.json", content);

        var run = await CliRun.RunAsync("eval", file, "--db", Db);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_min_outside_0_to_1_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("eval", "whatever.json", "--min", "90", "--db", Db);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--min must be a share between 0 and 1", run.Error, StringComparison.Ordinal);
    }
}
