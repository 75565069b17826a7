namespace BackgroundBot.Community;

/// <summary>One member's vote on one answer; voting again changes it.</summary>
public sealed record AnswerFeedback
{
    /// <summary><c>{answerId}:{userId}</c>, so each member has one vote per answer.</summary>
    public required string Id { get; init; }

    public int AnswerId { get; init; }
    public required string UserId { get; init; }
    public bool Helpful { get; init; }
    public DateTimeOffset At { get; init; }
}
