namespace BackgroundBot.Quizzes;

/// <summary>One quiz in a channel: its questions, which one is open, and when it was asked (fast answers score more).</summary>
public sealed record QuizRun
{
    public int Id { get; init; }
    public required ulong GuildId { get; init; }
    public required ulong ChannelId { get; init; }

    /// <summary>The educator who started it (a user id).</summary>
    public required ulong StartedBy { get; init; }

    public string? Topic { get; init; }
    public required int Seconds { get; init; }
    public required IReadOnlyList<QuizQuestion> Questions { get; init; }

    /// <summary>The question open for answers, or the last one asked; -1 before the first.</summary>
    public int Current { get; init; } = -1;

    /// <summary>When <see cref="Current"/> was posted; answers until <see cref="Seconds"/> after it count.</summary>
    public DateTimeOffset? AskedAt { get; init; }

    /// <summary>True once the current question is closed and revealed.</summary>
    public bool Revealed { get; init; }

    public QuizStatus Status { get; init; } = QuizStatus.Running;
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
}
