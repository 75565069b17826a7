namespace BackgroundBot.Quizzes;

/// <summary>A member's one answer to one question of a quiz: the first press; later presses are not stored.</summary>
public sealed record QuizAnswer
{
    /// <summary><c>quiz:question:user</c>, so a second answer to the same question cannot be stored.</summary>
    public string Id => Key(QuizId, Question, UserId);

    public required int QuizId { get; init; }
    public required int Question { get; init; }
    public required ulong UserId { get; init; }

    /// <summary>The name the leaderboard shows (never a mention, so nobody is pinged).</summary>
    public required string UserName { get; init; }

    public required int Option { get; init; }
    public required bool Correct { get; init; }
    public required int Points { get; init; }
    public required DateTimeOffset At { get; init; }

    public static string Key(int quizId, int question, ulong userId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{quizId}:{question}:{userId}");
}
