using System.Text.Json;
using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Cli;

/// <summary>`facts edit` changes only what the moderator names, and the audit says what changed.</summary>
public sealed class FactEditCliTests : IDisposable
{
    private const string Quote = "The talks were hosted by the European Union and lasted for two days.";
    private readonly CliStore _cli = new();

    [Fact]
    public async Task Editing_the_topic_keeps_the_source_its_date_and_the_cited_passage()
    {
        await _cli.Run("import", _cli.Folder.Write("talks.txt", Articles.CorridorText));
        var add = await _cli.Run("facts", "add", "--statement", "EU-hosted talks on the Lachin corridor lasted two days.", "--date", "2023-05", "--topic", "mediation", "--article", "2", "--quote", Quote);
        var id = CliStore.Id(add.Output, "Added fact");
        var before = await _cli.FactJson(id);

        var edit = await _cli.Run("facts", "edit", id, "--version", "1", "--topic", "humanitarian");
        var after = await _cli.FactJson(id);

        Assert.Equal(ExitCodes.Success, edit.ExitCode);
        Assert.Equal("humanitarian", after.GetProperty("topic").GetString());
        Assert.Equal("2023-05-02", after.GetProperty("source").GetProperty("published").GetString());
        Assert.Equal("https://example.org/news/lachin-talks", after.GetProperty("source").GetProperty("url").GetString());
        Assert.NotEmpty(before.GetProperty("citations").EnumerateArray());
        Assert.Equal(Ids(before.GetProperty("citations")), Ids(after.GetProperty("citations")));
        Assert.Equal("2023-05", after.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Editing_a_pack_fact_keeps_its_sources_publication_date()
    {
        var list = await _cli.Run("facts", "list", "--topic", "ceasefire", "--json");
        using var json = JsonDocument.Parse(list.Output);
        var fact = json.RootElement.EnumerateArray().First(f => f.GetProperty("source").TryGetProperty("published", out _));
        var id = fact.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        await _cli.Run("facts", "edit", id, "--version", "1", "--topic", "politics");
        var after = await _cli.FactJson(id);

        Assert.Equal("politics", after.GetProperty("topic").GetString());
        Assert.Equal(fact.GetProperty("source").GetProperty("published").GetString(), after.GetProperty("source").GetProperty("published").GetString());
        Assert.Equal(fact.GetProperty("source").GetProperty("title").GetString(), after.GetProperty("source").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_quote_alone_cites_the_passage_of_the_facts_source_article()
    {
        await _cli.Run("import", _cli.Folder.Write("talks.txt", Articles.CorridorText));
        var add = await _cli.Run("facts", "add", "--statement", "EU-hosted talks on the Lachin corridor lasted two days.", "--date", "2023-05", "--topic", "mediation", "--article", "2");
        var id = CliStore.Id(add.Output, "Added fact");

        var edit = await _cli.Run("facts", "edit", id, "--version", "1", "--quote", Quote);
        var after = await _cli.FactJson(id);
        var audit = await _cli.Run("audit", "--item", CliStore.Id(edit.Output, "audit"));

        Assert.Equal(ExitCodes.Success, edit.ExitCode);
        var cited = Assert.Single(Ids(after.GetProperty("citations")));
        var passage = await _cli.Run("passage", cited.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(Quote, passage.Output, StringComparison.Ordinal);
        Assert.Contains($"citations: [] → [{cited}]", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_of_an_edit_lists_only_the_fields_that_changed()
    {
        var add = await _cli.Run("facts", "add", "--statement", "A fact for the audit.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a");
        var id = CliStore.Id(add.Output, "Added fact");
        var edit = await _cli.Run("facts", "edit", id, "--version", "1", "--topic", "ceasefire", "--date", "2024-06");

        var item = await _cli.Run("audit", "--item", CliStore.Id(edit.Output, "audit"));
        var created = await _cli.Run("audit", "--item", CliStore.Id(add.Output, "audit"));

        var lines = item.Output.TrimEnd().Split('\n');
        Assert.Contains("fact.edit", lines[0], StringComparison.Ordinal);
        Assert.Equal(["  date: 2024 → 2024-06", "  topic: politics → ceasefire", "  version: 1 → 2"], lines.Skip(1).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("{", item.Output, StringComparison.Ordinal);
        Assert.Contains("  created:", created.Output, StringComparison.Ordinal);
        Assert.Contains("    statement: A fact for the audit.", created.Output, StringComparison.Ordinal);
        Assert.Contains("    source.url: https://example.org/a", created.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_that_changes_nothing_says_so_and_makes_no_version()
    {
        var add = await _cli.Run("facts", "add", "--statement", "A fact left alone.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a");
        var id = CliStore.Id(add.Output, "Added fact");

        var same = await _cli.Run("facts", "edit", id, "--version", "1", "--topic", "politics");
        var empty = await _cli.Run("facts", "edit", id, "--version", "1");
        var show = await _cli.Run("facts", "show", id);
        var history = await _cli.Run("audit", "--subject", $"fact/{id}");

        Assert.Equal(ExitCodes.Success, same.ExitCode);
        Assert.StartsWith("Nothing changed", same.Output, StringComparison.Ordinal);
        Assert.StartsWith("Nothing changed", empty.Output, StringComparison.Ordinal);
        Assert.Contains("(version 1, active)", show.Output, StringComparison.Ordinal);
        Assert.Single(history.Output.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("edit")]
    public async Task An_article_and_a_url_together_are_refused_and_nothing_changes(string verb)
    {
        await _cli.Run("import", _cli.Folder.Write("talks.txt", Articles.CorridorText));
        var add = await _cli.Run("facts", "add", "--statement", "A fact with one source.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a");
        var id = CliStore.Id(add.Output, "Added fact");
        string[] args = verb == "add"
            ? ["facts", "add", "--statement", "Another fact.", "--date", "2024", "--topic", "politics", "--article", "2", "--url", "https://example.org/b"]
            : ["facts", "edit", id, "--version", "1", "--article", "2", "--url", "https://example.org/b"];

        var run = await _cli.Run(args);
        var after = await _cli.FactJson(id);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains("--article and --url", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, after.GetProperty("version").GetInt32());
        Assert.Equal("https://example.org/a", after.GetProperty("source").GetProperty("url").GetString());
    }

    public void Dispose() => _cli.Dispose();

    private static List<int> Ids(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToList();
}
