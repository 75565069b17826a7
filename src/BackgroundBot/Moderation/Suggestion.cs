namespace BackgroundBot.Moderation;

/// <summary>
/// An item in the moderators' review queue: a proposed fact or correction from any member, or a problem reported on
/// an answer. The proposer is kept as an id only, so they can be told the outcome.
/// </summary>
public sealed record Suggestion
{
    public int Id { get; init; }
    public SuggestionKind Kind { get; init; }
    public required string ProposerId { get; init; }

    /// <summary>What the member wrote: the proposed statement, the correction, or the problem.</summary>
    public required string Text { get; init; }

    public string? Date { get; init; }
    public string? Topic { get; init; }
    public string? SourceUrl { get; init; }

    /// <summary>The fact a correction is about.</summary>
    public int? FactId { get; init; }

    /// <summary>For reports: the question that was answered, so moderators can reproduce it.</summary>
    public string? Question { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public SuggestionStatus Status { get; init; } = SuggestionStatus.Pending;
    public string? Reviewer { get; init; }
    public string? ReviewNote { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>The fact created or edited on approval.</summary>
    public int? ResultFactId { get; init; }
}
