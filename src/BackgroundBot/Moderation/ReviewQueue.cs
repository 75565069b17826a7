using System.Globalization;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// Suggestions and reports waiting for a moderator. Approving a proposed fact adds it (a correction edits the fact
/// it is about) through <see cref="FactCuration"/>, so it is checked and audited like any curation; each decision
/// is audited too, and the result says what to tell the proposer.
/// </summary>
public sealed class ReviewQueue(IModerationStore store, IKnowledgeStore knowledge, FactCuration curation, TimeProvider time)
{
    public const int MaxTextLength = 1000;

    /// <param name="actor">Who the audit names; defaults to the member who proposed it.</param>
    public CurationResult<Suggestion> Submit(Suggestion suggestion, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        if (string.IsNullOrWhiteSpace(suggestion.Text) || suggestion.Text.Length > MaxTextLength)
        {
            return CurationResult<Suggestion>.Refused($"Please write 1 to {MaxTextLength} characters.");
        }

        if (suggestion.Topic is not null && !Topics.IsKnown(suggestion.Topic))
        {
            return CurationResult<Suggestion>.Refused(Topics.Unknown(suggestion.Topic));
        }

        if (suggestion.Kind == SuggestionKind.Correction && (suggestion.FactId is not { } factId || knowledge.FindFact(factId) is null))
        {
            return CurationResult<Suggestion>.Refused("A correction must name an existing fact id (shown under each cited fact).");
        }

        return store.Write(write =>
        {
            var stored = write.PutSuggestion(suggestion with { Id = 0, Status = SuggestionStatus.Pending, CreatedAt = time.GetUtcNow(), Text = suggestion.Text.Trim() });
            var audit = write.Knowledge().Audit(stored.CreatedAt, actor ?? $"member:{stored.ProposerId}", "suggestion.submit", Subject(stored.Id), null, stored);
            return CurationResult<Suggestion>.Done($"Thanks: your {Describe(stored.Kind)} is queued for the moderators as #{stored.Id}.", stored, audit.Id);
        });
    }

    /// <param name="draft">The fact to store: the suggestion as a moderator edited it (required for reports and for suggestions without date or topic).</param>
    public CurationResult<Suggestion> Approve(int id, string reviewer, FactDraft? draft = null, string? note = null)
    {
        if (store.FindSuggestion(id) is not { } suggestion)
        {
            return CurationResult<Suggestion>.NotFound($"No suggestion with id {id}.");
        }

        if (suggestion.Status != SuggestionStatus.Pending)
        {
            return CurationResult<Suggestion>.Refused($"Suggestion {id} was already {suggestion.Status.ToString().ToLowerInvariant()} by {suggestion.Reviewer}.");
        }

        int? factId = null;
        if (suggestion.Kind != SuggestionKind.Report || draft is not null)
        {
            draft ??= new FactDraft(suggestion.Text, suggestion.Date ?? "", suggestion.Topic ?? "", SourceUrl: suggestion.SourceUrl);
            var result = suggestion.Kind == SuggestionKind.Correction && knowledge.FindFact(suggestion.FactId!.Value) is { } fact
                ? curation.Edit(fact.Id, fact.Version, draft, reviewer)
                : curation.Add(draft, reviewer);
            if (!result.Succeeded)
            {
                return CurationResult<Suggestion>.Refused($"Not approved: {result.Message} Edit the suggestion's fact and approve again.");
            }

            factId = result.Value!.Id;
        }

        return Decide(suggestion, SuggestionStatus.Approved, reviewer, note, factId);
    }

    public CurationResult<Suggestion> Reject(int id, string reviewer, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CurationResult<Suggestion>.Refused("Rejecting needs a reason; the proposer is told it.");
        }

        if (store.FindSuggestion(id) is not { } suggestion)
        {
            return CurationResult<Suggestion>.NotFound($"No suggestion with id {id}.");
        }

        return suggestion.Status != SuggestionStatus.Pending
            ? CurationResult<Suggestion>.Refused($"Suggestion {id} was already {suggestion.Status.ToString().ToLowerInvariant()} by {suggestion.Reviewer}.")
            : Decide(suggestion, SuggestionStatus.Rejected, reviewer, reason.Trim(), null);
    }

    /// <summary>The message the proposer is sent about a decided suggestion.</summary>
    public static string OutcomeMessage(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return suggestion.Status switch
        {
            SuggestionStatus.Approved when suggestion.ResultFactId is { } fact =>
                string.Create(CultureInfo.InvariantCulture, $"Your {Describe(suggestion.Kind)} #{suggestion.Id} was approved and is now fact {fact}. Thank you!"),
            SuggestionStatus.Approved => $"Your {Describe(suggestion.Kind)} #{suggestion.Id} was reviewed and resolved. Thank you!",
            SuggestionStatus.Rejected => $"Your {Describe(suggestion.Kind)} #{suggestion.Id} was not accepted: {suggestion.ReviewNote}",
            _ => $"Your {Describe(suggestion.Kind)} #{suggestion.Id} is waiting for review.",
        };
    }

    private CurationResult<Suggestion> Decide(Suggestion suggestion, SuggestionStatus status, string reviewer, string? note, int? factId) =>
        store.Write(write =>
        {
            // Checked again inside the transaction: two moderators deciding at once cannot both win.
            if (store.FindSuggestion(suggestion.Id) is not { Status: SuggestionStatus.Pending })
            {
                return CurationResult<Suggestion>.Conflict($"Suggestion {suggestion.Id} was decided by someone else meanwhile.");
            }

            var decided = write.PutSuggestion(suggestion with { Status = status, Reviewer = reviewer, ReviewNote = note, ReviewedAt = time.GetUtcNow(), ResultFactId = factId });
            var action = status == SuggestionStatus.Approved ? "suggestion.approve" : "suggestion.reject";
            var audit = write.Knowledge().Audit(time.GetUtcNow(), reviewer, action, Subject(suggestion.Id), suggestion, decided);
            return CurationResult<Suggestion>.Done(OutcomeMessage(decided), decided, audit.Id);
        });

    private static string Describe(SuggestionKind kind) => kind switch
    {
        SuggestionKind.NewFact => "suggested fact",
        SuggestionKind.Correction => "correction",
        _ => "report",
    };

    private static string Subject(int id) => string.Create(CultureInfo.InvariantCulture, $"suggestion/{id}");
}
