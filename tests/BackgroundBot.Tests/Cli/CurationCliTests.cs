using System.Text.RegularExpressions;
using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Cli;

/// <summary>The curation verbs from a shell: facts, articles remove, aliases, audit.</summary>
public sealed partial class CurationCliTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    private string Db => Path.Combine(_folder.Path, "cli.db");

    [Fact]
    public async Task A_fact_is_added_edited_retracted_and_undone_with_every_step_in_the_audit()
    {
        var add = await Run("facts", "add", "--statement", "The last Russian peacekeepers left Nagorno-Karabakh in June 2024.", "--date", "2024-06", "--topic", "ceasefire", "--url", "https://example.org/leave");
        var id = Id(add.Output, "Added fact");
        var edit = await Run("facts", "edit", id, "--version", "1", "--date", "2024-06-12");
        var stale = await Run("facts", "edit", id, "--version", "1", "--date", "2024-06-13");
        var retract = await Run("facts", "retract", id, "--reason", "wrong source");
        var undo = await Run("facts", "undo", Id(retract.Output, "audit"));
        var show = await Run("facts", "show", id);
        var audit = await Run("audit", "--subject", $"fact/{id}");

        Assert.Equal(ExitCodes.Success, add.ExitCode);
        Assert.Contains("(now version 2)", edit.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, stale.ExitCode);
        Assert.Contains("reload it and make your change again", stale.Error, StringComparison.Ordinal);
        Assert.Contains("it will not be cited again", retract.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, undo.ExitCode);
        Assert.Contains("(version 4, active)", show.Output, StringComparison.Ordinal);
        Assert.Contains("date: 2024-06-12", show.Output, StringComparison.Ordinal);
        Assert.Equal(4, audit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("fact.undo", audit.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_item_shows_the_fields_a_change_created()
    {
        var add = await Run("facts", "add", "--statement", "A fact for the audit.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a");

        var item = await Run("audit", "--item", Id(add.Output, "audit"));

        Assert.Contains("fact.add", item.Output, StringComparison.Ordinal);
        Assert.Contains("  created:", item.Output, StringComparison.Ordinal);
        Assert.Contains("    statement: A fact for the audit.", item.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_an_article_takes_it_out_of_answers()
    {
        var remove = await Run("articles", "remove", "1", "--reason", "test");
        var list = await Run("articles", "--all");

        Assert.Equal(ExitCodes.Success, remove.ExitCode);
        Assert.Contains("[removed: test]", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aliases_can_be_listed_and_added()
    {
        var add = await Run("aliases", "add", "Goris", "Gorisi");
        var list = await Run("aliases");

        Assert.Equal(ExitCodes.Success, add.ExitCode);
        Assert.Contains("Stepanakert / Khankendi", list.Output, StringComparison.Ordinal);
        Assert.Contains("Gorisi", list.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facts", "show", "9999")]
    [InlineData("facts", "retract", "9999", "--reason", "x")]
    [InlineData("facts", "undo", "99999")]
    [InlineData("audit", "--item", "99999")]
    [InlineData("facts", "add", "--statement", "x", "--date", "20244", "--topic", "politics", "--url", "https://example.org")]
    public async Task Unknown_ids_and_bad_values_exit_1_with_a_message(params string[] args)
    {
        var run = await Run(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.NotEqual("", run.Error.Trim());
    }

    public void Dispose() => _folder.Dispose();

    private Task<CliRun> Run(params string[] args) => CliRun.RunAsync([.. args, "--db", Db]);

    private static string Id(string output, string after) => Regex.Match(output, Regex.Escape(after) + @"\D*(\d+)").Groups[1].Value;
}
