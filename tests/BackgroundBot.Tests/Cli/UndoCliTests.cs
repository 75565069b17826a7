using BackgroundBot.Cli;

namespace BackgroundBot.Tests.Cli;

/// <summary>`facts undo` never destroys later work silently, and undoes an entry once.</summary>
public sealed class UndoCliTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Fact]
    public async Task Undoing_an_older_edit_under_later_ones_is_refused_naming_them_and_cascade_undoes_them_newest_first()
    {
        var add = await _cli.Run("facts", "add", "--statement", "The first wording of a fact.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a");
        var id = CliStore.Id(add.Output, "Added fact");
        var first = await _cli.Run("facts", "edit", id, "--version", "1", "--topic", "ceasefire", "--by", "alice");
        var second = await _cli.Run("facts", "edit", id, "--version", "2", "--statement", "The second wording of a fact.", "--by", "bob");
        var firstAudit = CliStore.Id(first.Output, "audit");
        var secondAudit = CliStore.Id(second.Output, "audit");

        var refused = await _cli.Run("facts", "undo", firstAudit);
        var unchanged = await _cli.FactJson(id);
        var cascade = await _cli.Run("facts", "undo", firstAudit, "--cascade");
        var restored = await _cli.FactJson(id);

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Single(refused.Error.TrimEnd().Split('\n'));
        Assert.Contains($"audit {secondAudit} (fact.edit by cli:bob", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--cascade", refused.Error, StringComparison.Ordinal);
        Assert.Equal("The second wording of a fact.", unchanged.GetProperty("statement").GetString());
        Assert.Equal(3, unchanged.GetProperty("version").GetInt32());

        Assert.Equal(ExitCodes.Success, cascade.ExitCode);
        Assert.Contains($"Undid audit entries {secondAudit}, {firstAudit} (newest first)", cascade.Output, StringComparison.Ordinal);
        Assert.Equal("The first wording of a fact.", restored.GetProperty("statement").GetString());
        Assert.Equal("politics", restored.GetProperty("topic").GetString());
    }

    [Fact]
    public async Task An_entry_is_undone_once_and_the_second_undo_names_the_first()
    {
        var add = await _cli.Run("facts", "add", "--statement", "A fact to retract.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a");
        var id = CliStore.Id(add.Output, "Added fact");
        var retract = await _cli.Run("facts", "retract", id, "--reason", "wrong source");
        var retractAudit = CliStore.Id(retract.Output, "audit");

        var undo = await _cli.Run("facts", "undo", retractAudit);
        var again = await _cli.Run("facts", "undo", retractAudit);
        var fact = await _cli.FactJson(id);

        Assert.Equal(ExitCodes.Success, undo.ExitCode);
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains($"already undone by audit {CliStore.Id(undo.Output, "as audit entry")}", again.Error, StringComparison.Ordinal);
        Assert.Equal("active", fact.GetProperty("status").GetString());
        Assert.Equal(3, fact.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_undone_undo_lets_the_entry_be_undone_again()
    {
        var add = await _cli.Run("facts", "add", "--statement", "A fact to retract twice.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/a");
        var id = CliStore.Id(add.Output, "Added fact");
        var retract = await _cli.Run("facts", "retract", id, "--reason", "wrong source");
        var undo = await _cli.Run("facts", "undo", CliStore.Id(retract.Output, "audit"));
        var redo = await _cli.Run("facts", "undo", CliStore.Id(undo.Output, "as audit entry"));

        var again = await _cli.Run("facts", "undo", CliStore.Id(retract.Output, "audit"));

        Assert.Equal(ExitCodes.Success, redo.ExitCode);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Equal("active", (await _cli.FactJson(id)).GetProperty("status").GetString());
    }

    public void Dispose() => _cli.Dispose();
}
