using BackgroundBot.Answering;
using BackgroundBot.Cli;
using BackgroundBot.Moderation;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

public sealed class GapTests : IDisposable
{
    private readonly TestStore _store = new();

    [Fact]
    public async Task Declined_questions_are_grouped_counted_and_keep_only_the_asker_ids()
    {
        await AskAsync("Who guards the Armenia border villages in Tavush?", "111");
        _store.Time.Advance(TimeSpan.FromHours(1));
        await AskAsync("Who guards the border villages in Tavush?", "222");
        await AskAsync("Who guards the border villages in Tavush?", "222");
        await AskAsync("What is the weather in Baku tomorrow?", "333");

        var gaps = _store.Store.ListGaps();

        Assert.Equal(2, gaps.Count);
        var tavush = gaps[0];
        Assert.Equal(3, tavush.Count);
        Assert.Equal("Who guards the border villages in Tavush?", tavush.Question);
        Assert.Equal(["111", "222"], tavush.AskerIds);
        Assert.Equal(TestStore.Start, tavush.FirstAsked);
        Assert.Equal(TestStore.Start.AddHours(1), tavush.LastAsked);
    }

    [Fact]
    public async Task Answered_and_refused_questions_are_not_gaps()
    {
        await AskAsync("Who monitors the Lachin corridor?", "1");
        await AskAsync("Which side is right in this conflict?", "1");
        await AskAsync("", "1");

        Assert.Empty(_store.Store.ListGaps());
    }

    [Fact]
    public async Task A_gap_closed_by_a_new_fact_shows_as_covered_and_the_question_is_answered_with_it()
    {
        const string question = "Who guards the border villages in Tavush?";
        var declined = await AskAsync(question, "42");
        Assert.False(declined.Grounded);
        var report = _store.Services.GetRequiredService<GapReport>();
        Assert.False(Assert.Single(await report.ListAsync(CancellationToken.None)).CoveredNow);

        var fact = _store.Services.GetRequiredService<FactCuration>().Add(
            new FactDraft("Since May 2024 Armenian border guards have guarded the four Tavush border villages handed over under the delimitation deal.", "2024-05", "territory", SourceUrl: "https://example.org/tavush"),
            "mod:alice").Value!;

        var status = Assert.Single(await report.ListAsync(CancellationToken.None));
        Assert.True(status.CoveredNow);
        Assert.Equal(1, status.Gap.Count);
        var answered = await AskAsync(question, "42");
        Assert.Contains(answered.Citations, c => c.FactId == fact.Id);
    }

    [Fact]
    public async Task The_gaps_verb_lists_them_most_asked_first()
    {
        using var folder = TempFolder.Create();
        var db = Path.Combine(folder.Path, "gaps.db");
        await CliRun.RunAsync("ask", "What is the weather in Baku tomorrow?", "--db", db);
        await CliRun.RunAsync("ask", "Who won the 2018 football world cup?", "--db", db);
        await CliRun.RunAsync("ask", "Who won the football world cup in 2018?", "--db", db);

        var run = await CliRun.RunAsync("gaps", "--db", db);

        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\t2x\t", lines[0], StringComparison.Ordinal);
        Assert.Contains("open\tWho won the football world cup in 2018?", lines[0], StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();

    private async Task<GroundedAnswer> AskAsync(string question, string asker)
    {
        var result = await _store.ConfiguredAnswerer.AskAsync(new AskRequest(question, AskerId: asker), CancellationToken.None);
        return result.Answer ?? new GroundedAnswer(question, result.Error!, false, AnswerMode.Extractive, []);
    }
}
