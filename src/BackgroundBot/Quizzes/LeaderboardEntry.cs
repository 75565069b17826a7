namespace BackgroundBot.Quizzes;

/// <summary>One member's place on a quiz's leaderboard.</summary>
public sealed record LeaderboardEntry(int Rank, ulong UserId, string UserName, int Points, int Correct, int Answered);
