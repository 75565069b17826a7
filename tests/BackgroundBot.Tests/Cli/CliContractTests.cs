using System.Text.Json;
using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace BackgroundBot.Tests.Cli;

/// <summary>The command-line contract other tools rely on: verbs, --db, --json fields and exit codes.</summary>
public sealed class CliContractTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    private string Db => Path.Combine(_folder.Path, "cli.db");

    [Fact]
    public async Task Ask_json_prints_one_object_with_the_documented_fields()
    {
        var run = await CliRun.RunAsync("ask", "Who spoke for the Russian foreign ministry about the escalation?", "--json", "--db", Db);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("Who spoke for the Russian foreign ministry about the escalation?", root.GetProperty("question").GetString());
        Assert.Contains("Maria Zakharova", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("grounded").GetBoolean());
        Assert.Equal("extractive", root.GetProperty("mode").GetString());
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, citations.Count), citations.Select(c => c.GetProperty("n").GetInt32()));
        var citation = citations.Single(c => c.GetProperty("quote").GetString()!.Contains("Maria Zakharova", StringComparison.Ordinal));
        Assert.True(citation.GetProperty("passageId").GetInt32() > 0);
        Assert.True(citation.GetProperty("articleId").GetInt32() > 0);
        Assert.Equal("Azerbaijan launches offensive in Nagorno-Karabakh", citation.GetProperty("articleTitle").GetString());
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("url").ValueKind);
        Assert.Equal("2023-11-16", citation.GetProperty("published").GetString());
    }

    [Fact]
    public async Task A_curated_fact_is_cited_with_its_source()
    {
        var run = await CliRun.RunAsync("ask", "What were the Madrid Principles?", "--json", "--db", Db);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var citation = json.RootElement.GetProperty("citations").EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, citation.GetProperty("articleId").ValueKind);
        Assert.True(citation.GetProperty("factId").GetInt32() > 0);
        Assert.StartsWith("http", citation.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}(-\d{2}){0,2}$", citation.GetProperty("published").GetString());
        Assert.Contains("Madrid", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_reports_a_decline_as_not_grounded_with_no_citations()
    {
        var run = await CliRun.RunAsync("ask", "What is the weather in Baku tomorrow?", "--json", "--db", Db);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("grounded").GetBoolean());
        Assert.Empty(json.RootElement.GetProperty("citations").EnumerateArray());
        Assert.Equal("not-covered", json.RootElement.GetProperty("declined").GetString());
    }

    [Fact]
    public async Task Ask_prints_the_answer_then_its_sources()
    {
        var run = await CliRun.RunAsync("ask", "Who monitors the Lachin corridor?", "--db", Db);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("Russian peacekeepers", lines[0], StringComparison.Ordinal);
        Assert.Contains("Sources:", lines);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[1\] .+ \(\d{4}(-\d\d){0,2}\)( — https?://\S+)?$"));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task An_empty_question_exits_1_with_the_reason()
    {
        var run = await CliRun.RunAsync("ask", " ", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("The question is empty", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_prints_the_article_and_its_passages_and_articles_lists_it()
    {
        var file = _folder.Write("talks.txt", Articles.CorridorText);

        var import = await CliRun.RunAsync("import", file, "--db", Db);
        var list = await CliRun.RunAsync("articles", "--db", Db);

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Contains("talks.txt: imported as article 2 (Talks on the Lachin corridor), 2 passages.", import.Output, StringComparison.Ordinal);
        Assert.Matches(@"passage \d+ \(#1, \d+ words\): Negotiators from both countries", import.Output);
        Assert.Contains("2\t2023-05-02\t2 passages\tTalks on the Lachin corridor — https://example.org/news/lachin-talks", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_options_override_the_headers()
    {
        var file = _folder.Write("talks.txt", Articles.CorridorText);

        var import = await CliRun.RunAsync("import", file, "--title", "Brussels talks", "--url", "https://example.org/b", "--date", "2023-05-03", "--db", Db);
        var list = await CliRun.RunAsync("articles", "--db", Db);

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Contains("2\t2023-05-03\t2 passages\tBrussels talks — https://example.org/b", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_import_reports_progress_as_plain_lines_when_output_is_redirected()
    {
        var file = _folder.Write("long.txt", Articles.LongArticle(1200));

        var import = await CliRun.RunAsync("import", file, "--db", Db);

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        var progress = import.Output.Split('\n').Where(l => l.Contains("long.txt: stored", StringComparison.Ordinal)).ToList();
        Assert.True(progress.Count >= 2, import.Output);
        Assert.Matches(@"long\.txt: stored (\d+)/\1 passages", progress[^1]);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_says_nothing_changed()
    {
        var file = _folder.Write("talks.txt", Articles.CorridorText);
        await CliRun.RunAsync("import", file, "--db", Db);

        var again = await CliRun.RunAsync("import", file, "--db", Db);

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("already imported as article 2", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_bad_file_among_several_imports_nothing_and_exits_1()
    {
        var good = _folder.Write("talks.txt", Articles.CorridorText);
        var bad = _folder.Write("scan.pdf", "%PDF");

        var import = await CliRun.RunAsync("import", good, bad, "--db", Db);
        var list = await CliRun.RunAsync("articles", "--db", Db);

        Assert.Equal(ExitCodes.BadInput, import.ExitCode);
        Assert.Contains("scan.pdf: unsupported file type '.pdf'; import takes .txt, .md or .html files.", import.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported; the store is unchanged.", import.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Talks on the Lachin corridor", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passage_shows_one_passage_with_its_article_and_an_unknown_id_exits_1()
    {
        var shown = await CliRun.RunAsync("passage", "1", "--db", Db);
        var missing = await CliRun.RunAsync("passage", "999", "--db", Db);

        Assert.Equal(ExitCodes.Success, shown.ExitCode);
        Assert.Contains("Azerbaijan launches offensive in Nagorno-Karabakh (2023-11-16)", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Amid rising tensions", shown.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("No passage with id 999", missing.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ask")]
    [InlineData("passage", "seven")]
    [InlineData("import", "x.txt", "--date", "May 2023")]
    [InlineData("import", "a.txt", "b.txt", "--title", "One title")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--db", Db]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("Run with --help for usage.", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db), "A usage error must not create or touch the store.");
    }

    [Fact]
    public async Task A_bad_setting_is_named_in_one_line()
    {
        var run = await CliRun.RunAsync(
            ["ask", "Who brokered the ceasefire?", "--db", Db],
            builder => builder.Configuration.AddInMemoryCollection([new("Answering:MaxSentences", "99")]));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("Configuration error", run.Error, StringComparison.Ordinal);
        Assert.Contains("MaxSentences", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
