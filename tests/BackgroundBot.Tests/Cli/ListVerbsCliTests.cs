using System.Text.Json;
using BackgroundBot.Cli;

namespace BackgroundBot.Tests.Cli;

/// <summary>The list verbs: a header on a terminal, plain rows when redirected, one JSON array with --json; and `facts search`.</summary>
public sealed class ListVerbsCliTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Theory]
    [InlineData("articles")]
    [InlineData("facts", "list")]
    [InlineData("facts", "search", "ceasefire")]
    [InlineData("aliases")]
    [InlineData("audit")]
    [InlineData("gaps")]
    [InlineData("review", "list")]
    [InlineData("timeline")]
    public async Task Every_list_verb_prints_a_json_array_with_json(params string[] verb)
    {
        await _cli.Run("ask", "Who won the football world cup in 2018?");
        await _cli.Run("review", "add", "The census of 1989 counted the region's population.", "--topic", "demographics");

        var run = await _cli.Run([.. verb, "--json"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.NotEmpty(json.RootElement.EnumerateArray());
        Assert.All(json.RootElement.EnumerateArray(), item => Assert.Equal(JsonValueKind.Object, item.ValueKind));
    }

    [Fact]
    public async Task Facts_list_has_a_header_and_fitted_columns_on_a_terminal_and_plain_rows_when_redirected()
    {
        var terminal = await _cli.RunOnTerminal("facts", "list", "--topic", "mediation");
        var redirected = await _cli.Run("facts", "list", "--topic", "mediation");

        var lines = terminal.Output.TrimEnd().Split('\n');
        Assert.Matches(@"^ID\s+VER\s+DATE\s+TOPIC\s+STATUS\s+STATEMENT$", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\d+\s+\d+\s+\d{4}", l));
        Assert.All(lines, l => Assert.True(l.Length <= 120, $"wider than the window: {l}"));
        Assert.DoesNotContain("\t", terminal.Output, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\t1\t\d{4}[^\t]*\tmediation\tactive\t", redirected.Output);
        Assert.DoesNotContain("STATEMENT", redirected.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_search_finds_what_answers_find_under_another_name_and_misspelt()
    {
        var ask = await _cli.Run("ask", "When did the Lachin corridor close?", "--json");
        using var answer = JsonDocument.Parse(ask.Output);
        var cited = answer.RootElement.GetProperty("citations").EnumerateArray()
            .Where(c => c.TryGetProperty("factId", out var f) && f.ValueKind == JsonValueKind.Number).Select(c => c.GetProperty("factId").GetInt32()).ToList();

        var search = await _cli.Run("facts", "search", "When did the Lachin corridor close?", "--json");
        var byOtherName = await _cli.Run("facts", "search", "Berdzor corridor closed", "--json");
        var misspelt = await _cli.Run("facts", "search", "Lachin coridor", "--limit", "20", "--json");

        Assert.NotEmpty(cited);
        Assert.Contains(cited[0], Ids(search.Output));
        Assert.NotEmpty(Ids(byOtherName.Output));
        Assert.Contains(Ids(misspelt.Output), id => Ids(search.Output).Contains(id));
    }

    public void Dispose() => _cli.Dispose();

    private static List<int> Ids(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetInt32()).ToList();
    }
}
