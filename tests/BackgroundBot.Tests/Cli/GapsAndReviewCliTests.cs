using System.Text.Json;
using BackgroundBot.Cli;

namespace BackgroundBot.Tests.Cli;

/// <summary>Working the gaps and the review queue from a shell: dismiss an off-topic gap, add a suggestion, show an item.</summary>
public sealed class GapsAndReviewCliTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Fact]
    public async Task An_off_topic_gap_is_dismissed_with_a_reason_leaves_the_list_and_undo_brings_it_back()
    {
        await _cli.Run("ask", "Who won the football world cup in 2018?");
        await _cli.Run("ask", "What is the weather in Baku tomorrow?");
        var open = await Gaps("gaps", "--json");
        var football = open.Single(g => g.Question.Contains("football", StringComparison.Ordinal)).Id;

        var dismiss = await _cli.Run("gaps", "dismiss", football.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "off-topic: sport");
        var afterDismiss = await Gaps("gaps", "--json");
        var all = await Gaps("gaps", "--all", "--json");
        var again = await _cli.Run("gaps", "dismiss", football.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "twice");
        var undo = await _cli.Run("facts", "undo", CliStore.Id(dismiss.Output, "audit"));
        var afterUndo = await Gaps("gaps", "--json");

        Assert.Equal(ExitCodes.Success, dismiss.ExitCode);
        Assert.DoesNotContain(afterDismiss, g => g.Id == football);
        Assert.Single(afterDismiss);
        Assert.Contains(all, g => g.Id == football && g.State == "dismissed");
        Assert.Equal(ExitCodes.BadInput, again.ExitCode);
        Assert.Contains("already dismissed", again.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, undo.ExitCode);
        Assert.Contains(afterUndo, g => g.Id == football && g.State == "open");
    }

    [Fact]
    public async Task A_suggestion_added_from_the_shell_is_listed_shown_in_full_and_approved()
    {
        var add = await _cli.Run("review", "add", "The 1989 Soviet census counted 189,085 people in the Nagorno-Karabakh Autonomous Oblast.",
            "--date", "1989", "--topic", "demographics", "--url", "https://example.org/census-1989", "--by", "alice");
        var id = CliStore.Id(add.Output, "#");
        var list = await _cli.Run("review", "list");
        var show = await _cli.Run("review", "show", id);
        var approve = await _cli.Run("review", "approve", id, "--by", "bob");
        var shown = await _cli.Run("review", "show", id);
        var missing = await _cli.Run("review", "show", "999");

        Assert.Equal(ExitCodes.Success, add.ExitCode);
        Assert.Contains($"#{id}\tNewFact\tPending", list.Output, StringComparison.Ordinal);
        Assert.Contains("from cli:alice", show.Output, StringComparison.Ordinal);
        Assert.Contains("189,085 people", show.Output, StringComparison.Ordinal);
        Assert.Contains("topic: demographics", show.Output, StringComparison.Ordinal);
        Assert.Contains("source: https://example.org/census-1989", show.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, approve.ExitCode);
        Assert.Contains("approved by cli:bob", shown.Output, StringComparison.Ordinal);
        Assert.Matches(@"fact: \d+", shown.Output);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
    }

    [Fact]
    public async Task A_correction_from_the_shell_names_its_fact_and_show_prints_the_fact()
    {
        var add = await _cli.Run("review", "add", "The date should be May 1994.", "--fact", "1");
        var show = await _cli.Run("review", "show", CliStore.Id(add.Output, "#"));

        Assert.Equal(ExitCodes.Success, add.ExitCode);
        Assert.Contains("Correction (pending)", show.Output, StringComparison.Ordinal);
        Assert.Contains("about fact: 1", show.Output, StringComparison.Ordinal);
        Assert.Contains("Fact 1 (version 1, active)", show.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private async Task<List<(int Id, string State, string Question)>> Gaps(params string[] args)
    {
        var run = await _cli.Run(args);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.EnumerateArray()
            .Select(g => (g.GetProperty("id").GetInt32(), g.GetProperty("state").GetString()!, g.GetProperty("question").GetString()!)).ToList();
    }
}
