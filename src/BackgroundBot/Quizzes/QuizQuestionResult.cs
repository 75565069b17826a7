namespace BackgroundBot.Quizzes;

/// <summary>How the room answered one question: the right option, its source, and how many chose each option.</summary>
public sealed record QuizQuestionResult(QuizQuestion Question, IReadOnlyList<int> Counts);
