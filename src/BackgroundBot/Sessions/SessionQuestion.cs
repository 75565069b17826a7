namespace BackgroundBot.Sessions;

/// <summary>One question in a session's queue, with its votes and, once answered, its answer.</summary>
public sealed record SessionQuestion
{
    public int Id { get; init; }

    public int SessionId { get; init; }

    public required string Text { get; init; }

    /// <summary>Who asked, always kept (moderators can see it in the store for abuse handling, even when hidden in Discord).</summary>
    public required string AskerId { get; init; }

    public string AskerName { get; init; } = "";

    /// <summary>The asker's name is hidden in Discord and in the transcript.</summary>
    public bool Anonymous { get; init; }

    public QuestionStatus Status { get; init; } = QuestionStatus.Open;

    public DateTimeOffset AskedAt { get; init; }

    /// <summary>The members who upvoted it: one vote each (a merged duplicate's voters are added).</summary>
    public IReadOnlyList<string> VoterIds { get; init; } = [];

    /// <summary>The question's message in the channel, once shown.</summary>
    public string? MessageId { get; init; }

    /// <summary>The question this one was merged into.</summary>
    public int? MergedInto { get; init; }

    /// <summary>The 1-based position in which it was answered.</summary>
    public int? AnswerOrder { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>Who answered: a host's member id.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>The answer's text; for a cited answer with its [n] markers.</summary>
    public string? AnswerText { get; init; }

    /// <summary>True when the educator answered in their own words (not cited).</summary>
    public bool OwnWords { get; init; }

    /// <summary>The cited passages, in the answer's [n] order.</summary>
    public IReadOnlyList<int> PassageIds { get; init; } = [];

    /// <summary>The stored answer (Community's record) whose buttons work under the posted answer.</summary>
    public int? AnswerId { get; init; }

    public int Votes => VoterIds.Count;
}
