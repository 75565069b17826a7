using BackgroundBot.Cli;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

public sealed class ReviewQueueTests : IDisposable
{
    private readonly TestStore _store = new();

    private ReviewQueue Queue => _store.Services.GetRequiredService<ReviewQueue>();

    [Fact]
    public void A_suggested_fact_flows_through_the_queue_to_an_answer_and_the_proposer_is_told()
    {
        var submitted = Queue.Submit(new Suggestion
        {
            Kind = SuggestionKind.NewFact,
            ProposerId = "555",
            Text = "Since May 2024 Armenian border guards have guarded the four Tavush border villages.",
            Date = "2024-05",
            Topic = "territory",
            SourceUrl = "https://example.org/tavush",
        });

        var approved = Queue.Approve(submitted.Value!.Id, "mod:alice");

        Assert.True(approved.Succeeded, approved.Message);
        Assert.StartsWith($"Your suggested fact #{submitted.Value.Id} was approved and is now fact", approved.Message, StringComparison.Ordinal);
        var answer = _store.Ask("Who guards the Tavush border villages?");
        Assert.Contains(answer.Citations, c => c.FactId == approved.Value!.ResultFactId);
        var audit = _store.Store.AuditOf($"suggestion/{submitted.Value.Id}");
        Assert.Equal(["suggestion.submit", "suggestion.approve"], audit.Select(a => a.Action));
        Assert.Equal("member:555", audit[0].Actor);
    }

    [Fact]
    public void A_correction_edits_its_fact_and_a_rejection_carries_the_reason()
    {
        var fact = _store.Services.GetRequiredService<FactCuration>()
            .Add(new FactDraft("The EU mission in Armenia began in 2022.", "2022", "mediation", SourceUrl: "https://example.org/euma"), "mod:alice").Value!;
        var correction = Queue.Submit(new Suggestion { Kind = SuggestionKind.Correction, ProposerId = "7", FactId = fact.Id, Text = "It began in February 2023, not 2022." });
        var report = Queue.Submit(new Suggestion { Kind = SuggestionKind.Report, ProposerId = "8", Text = "The answer mixed up two towns.", Question = "Where is Shushi?" });

        var approved = Queue.Approve(
            correction.Value!.Id,
            "mod:bob",
            new FactDraft("The EU Mission in Armenia began in February 2023.", "2023-02", "mediation", SourceUrl: "https://example.org/euma"));
        var rejected = Queue.Reject(report.Value!.Id, "mod:bob", "the answer named both towns correctly");

        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal("The EU Mission in Armenia began in February 2023.", _store.Store.FindFact(fact.Id)!.Statement);
        Assert.Equal($"Your report #{report.Value.Id} was not accepted: the answer named both towns correctly", rejected.Message);
        Assert.Empty(_store.Store.ListSuggestions(SuggestionStatus.Pending));
    }

    [Fact]
    public void An_item_is_decided_once_and_bad_submissions_are_refused()
    {
        var item = Queue.Submit(new Suggestion { Kind = SuggestionKind.Report, ProposerId = "1", Text = "Wrong date." }).Value!;
        Queue.Reject(item.Id, "mod:a", "date is right");

        Assert.Equal(CurationOutcome.Refused, Queue.Approve(item.Id, "mod:b").Outcome);
        Assert.Equal(CurationOutcome.Refused, Queue.Submit(new Suggestion { Kind = SuggestionKind.NewFact, ProposerId = "1", Text = " " }).Outcome);
        Assert.Equal(CurationOutcome.Refused, Queue.Submit(new Suggestion { Kind = SuggestionKind.Correction, ProposerId = "1", Text = "x", FactId = 999 }).Outcome);
        Assert.Equal(CurationOutcome.NotFound, Queue.Reject(999, "mod", "x").Outcome);
    }

    [Fact]
    public async Task Moderators_work_the_queue_from_the_shell()
    {
        using var folder = TempFolder.Create();
        var db = Path.Combine(folder.Path, "q.db");
        using (var host = await BotHost.StartAsync(db, null, CancellationToken.None))
        {
            host.Services.GetRequiredService<ReviewQueue>().Submit(new Suggestion { Kind = SuggestionKind.NewFact, ProposerId = "9", Text = "A proposed fact without a date." });
        }

        var list = await CliRun.RunAsync("review", "list", "--db", db);
        var refused = await CliRun.RunAsync("review", "approve", "1", "--db", db);
        var approved = await CliRun.RunAsync("review", "approve", "1", "--date", "2024", "--topic", "politics", "--url", "https://example.org/p", "--db", db);

        Assert.Contains("#1\tNewFact\tPending", list.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("Not approved: Dates are YYYY", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, approved.ExitCode);
        Assert.Contains("was approved and is now fact", approved.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();
}
