using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Moderation;

public sealed class FactCurationTests : IDisposable
{
    private const string Question = "When did the last Russian peacekeepers leave Nagorno-Karabakh?";
    private readonly TestStore _store = new();

    private FactCuration Curation => _store.Services.GetRequiredService<FactCuration>();

    private AuditUndo Undo => _store.Services.GetRequiredService<AuditUndo>();

    private static FactDraft Draft(string statement = "The last Russian peacekeepers left Nagorno-Karabakh in June 2024, ahead of the end of their five-year term.") =>
        new(statement, "2024-06", "ceasefire", SourceUrl: "https://example.org/peacekeepers-leave", SourceTitle: "Peacekeepers leave");

    [Fact]
    public void An_added_fact_is_cited_by_the_next_answer_with_its_source()
    {
        Assert.DoesNotContain(_store.Ask(Question).Text, "June 2024", StringComparison.Ordinal);

        var added = Curation.Add(Draft(), "mod:alice");

        Assert.True(added.Succeeded, added.Message);
        var answer = _store.Ask(Question);
        Assert.StartsWith("The last Russian peacekeepers left Nagorno-Karabakh in June 2024", answer.Text, StringComparison.Ordinal);
        var citation = answer.Citations[0];
        Assert.Equal(added.Value!.Id, citation.FactId);
        Assert.Equal("Peacekeepers leave", citation.ArticleTitle);
        Assert.Equal("https://example.org/peacekeepers-leave", citation.Url);
    }

    [Fact]
    public void An_edit_replaces_the_wording_that_answers_cite()
    {
        var fact = Curation.Add(Draft(), "mod:alice").Value!;

        var edited = Curation.Edit(fact.Id, fact.Version, Draft("The last Russian peacekeepers left Nagorno-Karabakh on 12 June 2024."), "mod:bob");

        Assert.True(edited.Succeeded, edited.Message);
        var answer = _store.Ask(Question);
        Assert.Contains("on 12 June 2024", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("five-year term", answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, _store.Store.FindFact(fact.Id)!.Version);
    }

    [Fact]
    public void A_retracted_fact_is_never_cited_again()
    {
        var fact = Curation.Add(Draft(), "mod:alice").Value!;

        var retracted = Curation.Retract(fact.Id, "source withdrew the report", "mod:bob");

        Assert.True(retracted.Succeeded);
        var answer = _store.Ask(Question);
        Assert.DoesNotContain(answer.Citations, c => c.FactId == fact.Id);
        Assert.DoesNotContain(_store.Store.ActivePassages(), p => p.FactId == fact.Id);
        Assert.Equal(_store.Store.ActivePassages().Count(), _store.Retriever.Index.Count);
    }

    [Fact]
    public void Two_moderators_editing_the_same_version_never_lose_an_update_silently()
    {
        var fact = Curation.Add(Draft(), "mod:alice").Value!;

        var first = Curation.Edit(fact.Id, fact.Version, Draft("The last Russian peacekeepers left Nagorno-Karabakh on 12 June 2024."), "mod:alice");
        var second = Curation.Edit(fact.Id, fact.Version, Draft("The last Russian peacekeepers left in spring 2024."), "mod:bob");

        Assert.True(first.Succeeded);
        Assert.Equal(CurationOutcome.Conflict, second.Outcome);
        Assert.Contains("It changed since you opened it", second.Message, StringComparison.Ordinal);
        Assert.Contains("on 12 June 2024", _store.Store.FindFact(fact.Id)!.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_restores_the_previous_state_and_is_itself_audited()
    {
        var fact = Curation.Add(Draft(), "mod:alice").Value!;
        var edit = Curation.Edit(fact.Id, 1, Draft("The last Russian peacekeepers left Nagorno-Karabakh on 12 June 2024."), "mod:bob");
        var retract = Curation.Retract(fact.Id, "duplicate", "mod:carol");

        var undoRetract = Undo.Undo(retract.AuditId!.Value, "mod:alice");
        var afterRetractUndone = _store.Ask(Question);
        var undoEdit = Undo.Undo(edit.AuditId!.Value, "mod:alice");

        Assert.True(undoRetract.Succeeded, undoRetract.Message);
        Assert.Contains("on 12 June 2024", afterRetractUndone.Text, StringComparison.Ordinal);
        Assert.True(undoEdit.Succeeded, undoEdit.Message);
        var restored = _store.Store.FindFact(fact.Id)!;
        Assert.Equal(FactStatus.Active, restored.Status);
        Assert.Contains("five-year term", restored.Statement, StringComparison.Ordinal);
        Assert.Equal(5, restored.Version);
        Assert.Contains("five-year term", _store.Ask(Question).Text, StringComparison.Ordinal);
        var history = _store.Store.AuditOf($"fact/{fact.Id}");
        Assert.Equal(["fact.add", "fact.edit", "fact.retract", "fact.undo", "fact.undo"], history.Select(h => h.Action));
        Assert.Equal(["mod:alice", "mod:bob", "mod:carol", "mod:alice", "mod:alice"], history.Select(h => h.Actor));
        Assert.All(history.Skip(1), h => Assert.NotNull(h.Before));
    }

    [Fact]
    public void Removing_an_article_stops_its_citation_and_undo_brings_it_back()
    {
        var seed = _store.Store.ListArticles().Single();
        var removal = Curation.RemoveArticle(seed.Id, "duplicate of a better source", "mod:alice");

        var whileRemoved = _store.Ask("Who monitors the Lachin corridor?");
        Undo.Undo(removal.AuditId!.Value, "mod:bob");
        var afterUndo = _store.Ask("Who monitors the Lachin corridor?");

        Assert.False(whileRemoved.Grounded);
        Assert.Equal(ArticleStatus.Active, _store.Store.FindArticle(seed.Id)!.Status);
        Assert.Contains(afterUndo.Citations, c => c.ArticleId == seed.Id);
    }

    [Fact]
    public void A_fact_sourced_from_an_article_cites_the_passage_holding_the_quote()
    {
        var seed = _store.Store.ListArticles().Single();

        var result = Curation.Add(
            new FactDraft("Russia's foreign ministry said it was closely monitoring the escalation in September 2023.", "2023-09", "mediation", ArticleId: seed.Id, Quote: "closely monitoring the sharp escalation"),
            "mod:alice");
        var badQuote = Curation.Add(new FactDraft("Something.", "2023", "mediation", ArticleId: seed.Id, Quote: "words the article never says"), "mod:alice");

        Assert.True(result.Succeeded, result.Message);
        var cited = _store.Store.FindPassage(Assert.Single(result.Value!.Citations))!;
        Assert.Contains("closely monitoring the sharp escalation", cited.Text, StringComparison.Ordinal);
        Assert.Equal(seed.Title, result.Value.Source!.Title);
        Assert.Equal(CurationOutcome.Refused, badQuote.Outcome);
        Assert.Contains("The quote is not in article", badQuote.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "2024", "ceasefire", "https://example.org/x", "The statement must be")]
    [InlineData("A statement.", "June 2024", "ceasefire", "https://example.org/x", "Dates are YYYY")]
    [InlineData("A statement.", "2024", "weather", "https://example.org/x", "Unknown topic 'weather'; the topics are")]
    [InlineData("A statement.", "2024", "ceasefire", "not a url", "A fact needs a source")]
    public void Bad_drafts_are_refused_with_a_reason_and_nothing_changes(string statement, string date, string topic, string url, string expected)
    {
        var audit = _store.Store.RecentAudit(1000).Count;

        var result = Curation.Add(new FactDraft(statement, date, topic, SourceUrl: url), "mod:alice");

        Assert.Equal(CurationOutcome.Refused, result.Outcome);
        Assert.StartsWith(expected, result.Message, StringComparison.Ordinal);
        Assert.Equal(audit, _store.Store.RecentAudit(1000).Count);
    }

    [Fact]
    public void Unknown_ids_are_reported_as_not_found()
    {
        Assert.Equal(CurationOutcome.NotFound, Curation.Retract(999, "x", "mod").Outcome);
        Assert.Equal(CurationOutcome.NotFound, Curation.Edit(999, 1, Draft(), "mod").Outcome);
        Assert.Equal(CurationOutcome.NotFound, Curation.RemoveArticle(999, "x", "mod").Outcome);
        Assert.Equal(CurationOutcome.NotFound, Undo.Undo(99999, "mod").Outcome);
    }

    [Fact]
    public void An_alias_added_by_a_moderator_is_used_by_retrieval_and_can_be_undone()
    {
        _store.Import("talks.txt", Articles.CorridorText);
        Assert.Empty(_store.Retriever.Search(_store.Retriever.Analyze("Bruxelles")));

        var added = _store.Services.GetRequiredService<AliasCuration>().Add(["Brussels", "Bruxelles"], "mod:alice");
        var found = _store.Retriever.Search(_store.Retriever.Analyze("Bruxelles"));
        Undo.Undo(added.AuditId!.Value, "mod:bob");

        Assert.NotEmpty(found);
        Assert.Empty(_store.Retriever.Search(_store.Retriever.Analyze("Bruxelles")));
    }

    public void Dispose() => _store.Dispose();
}
