namespace BackgroundBot.Quizzes;

/// <summary>
/// A finished quiz as a session's transcript takes it in: each question with the room's answers, and the leaderboard.
/// Read with <see cref="Read"/> (or <see cref="FinishedIn"/> for a channel's quizzes since a session began).
/// </summary>
public sealed record QuizResult(QuizRun Quiz, IReadOnlyList<QuizQuestionResult> Questions, IReadOnlyList<LeaderboardEntry> Leaderboard)
{
    public static QuizResult Read(IQuizStore store, QuizRun quiz)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(quiz);
        var answers = store.AnswersOf(quiz.Id);
        var questions = quiz.Questions
            .Select((q, i) => new QuizQuestionResult(q, Enumerable.Range(0, q.Options.Count).Select(o => answers.Count(a => a.Question == i && a.Option == o)).ToList()))
            .ToList();
        return new QuizResult(quiz, questions, Rank(answers));
    }

    public static IReadOnlyList<QuizResult> FinishedIn(IQuizStore store, ulong channelId, DateTimeOffset since)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.FinishedIn(channelId, since).Select(q => Read(store, q)).ToList();
    }

    /// <summary>Most points first; a tie goes to more right answers, then to whoever answered first.</summary>
    public static IReadOnlyList<LeaderboardEntry> Rank(IReadOnlyList<QuizAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.GroupBy(a => a.UserId)
            .Select(g => (User: g.Key, Name: g.Last().UserName, Points: g.Sum(a => a.Points), Correct: g.Count(a => a.Correct), Answered: g.Count(), First: g.Min(a => a.At)))
            .OrderByDescending(e => e.Points).ThenByDescending(e => e.Correct).ThenBy(e => e.First)
            .Select((e, i) => new LeaderboardEntry(i + 1, e.User, e.Name, e.Points, e.Correct, e.Answered))
            .ToList();
    }
}
