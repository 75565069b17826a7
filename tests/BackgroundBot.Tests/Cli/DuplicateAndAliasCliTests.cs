using System.Text.Json;
using BackgroundBot.Cli;

namespace BackgroundBot.Tests.Cli;

/// <summary>Near-duplicate facts are warned about; alias groups are changed deliberately, never merged by accident.</summary>
public sealed class DuplicateAndAliasCliTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Fact]
    public async Task A_near_duplicate_statement_is_refused_naming_the_fact_and_force_adds_it()
    {
        var first = await _cli.Run("facts", "add", "--statement", "The Lachin corridor reopened to civilian traffic in May 2023.", "--date", "2023-05", "--topic", "territory", "--url", "https://example.org/a");
        var id = CliStore.Id(first.Output, "Added fact");

        var twin = await _cli.Run("facts", "add", "--statement", "the Lachin corridor reopened to civilian traffic in May, 2023!", "--date", "2023-05", "--topic", "territory", "--url", "https://example.org/b");
        var identical = await _cli.Run("facts", "add", "--statement", "The Lachin corridor reopened to civilian traffic in May 2023.", "--date", "2023-05", "--topic", "territory", "--url", "https://example.org/a");
        var forced = await _cli.Run("facts", "add", "--statement", "The Lachin corridor reopened to civilian traffic in May 2023.", "--date", "2023-05", "--topic", "territory", "--url", "https://example.org/a", "--force");

        Assert.Equal(ExitCodes.BadInput, identical.ExitCode);
        Assert.Contains($"Fact {id} already says nearly the same", identical.Error, StringComparison.Ordinal);
        Assert.Contains("--force", identical.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, twin.ExitCode);
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.NotEqual(id, CliStore.Id(forced.Output, "Added fact"));
    }

    [Fact]
    public async Task Names_of_two_groups_are_refused_naming_both_groups_and_neither_changes()
    {
        var before = await Aliases();

        var merge = await _cli.Run("aliases", "add", "Hadrut", "Khojavend", "--kind", "party", "--both");
        var after = await Aliases();

        Assert.Equal(ExitCodes.BadInput, merge.ExitCode);
        Assert.Single(merge.Error.TrimEnd().Split('\n'));
        Assert.Matches(@"alias \d+ \(Hadrut / ", merge.Error);
        Assert.Matches(@"alias \d+ \(Martuni / Khojavend / ", merge.Error);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Adding_a_name_to_a_group_applies_both_and_kind()
    {
        await _cli.Run("aliases", "add", "Vorotan", "Vorotani");

        var add = await _cli.Run("aliases", "add", "Vorotan", "Worotan", "--both", "--kind", "organisation");

        Assert.Equal(ExitCodes.Success, add.ExitCode);
        var group = (await Aliases()).Single(a => a.Contains("Vorotan", StringComparison.Ordinal));
        Assert.Equal("Organisation|True|Vorotan / Vorotani / Worotan", group);
    }

    [Fact]
    public async Task Aliases_edit_sets_both_and_kind_and_remove_takes_a_name_out_each_audited_and_undoable()
    {
        var both = await _cli.Run("aliases", "edit", "Agdam", "--both", "--by", "mod");
        var kind = await _cli.Run("aliases", "edit", "Aghdam", "--kind", "party", "--both", "false", "--by", "mod");
        var remove = await _cli.Run("aliases", "remove", "Ağdam", "--by", "mod");
        var afterRemove = await Aliases();
        var undoRemove = await _cli.Run("facts", "undo", CliStore.Id(remove.Output, "audit"));
        var afterUndo = await Aliases();
        var audit = await _cli.Run("audit", "--action", "alias", "--actor", "mod");

        Assert.Equal(ExitCodes.Success, both.ExitCode);
        Assert.Contains("answers give both names", both.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, kind.ExitCode);
        Assert.Contains("Party|False|Agdam / Aghdam / Akna", afterRemove, StringComparer.Ordinal);
        Assert.Equal(ExitCodes.Success, undoRemove.ExitCode);
        Assert.Contains("Party|False|Agdam / Aghdam / Ağdam / Akna", afterUndo, StringComparer.Ordinal);
        Assert.Contains("alias.remove", audit.Output, StringComparison.Ordinal);
        Assert.Equal(2, audit.Output.Split('\n').Count(l => l.Contains("alias.edit", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Removing_a_name_from_a_pair_removes_the_group_and_undo_brings_it_back()
    {
        var add = await _cli.Run("aliases", "add", "Vorotan", "Vorotani");
        var remove = await _cli.Run("aliases", "remove", "Vorotani");
        var gone = await Aliases();
        await _cli.Run("facts", "undo", CliStore.Id(remove.Output, "audit"));
        var back = await Aliases();
        var missing = await _cli.Run("aliases", "remove", "Atlantis");

        Assert.Equal(ExitCodes.Success, add.ExitCode);
        Assert.DoesNotContain(gone, a => a.Contains("Vorotan", StringComparison.Ordinal));
        Assert.Contains("Place|False|Vorotan / Vorotani", back, StringComparer.Ordinal);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("No alias group holds the name 'Atlantis'", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private async Task<List<string>> Aliases()
    {
        var run = await _cli.Run("aliases", "--json");
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.EnumerateArray()
            .Select(a => $"{a.GetProperty("kind").GetString()}|{a.GetProperty("showBoth").GetBoolean()}|{string.Join(" / ", a.GetProperty("names").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
    }
}
