namespace BackgroundBot.Quizzes;

/// <summary>Quizzes and their answers: plain records behind a small interface, so any store provider can hold them.</summary>
public interface IQuizStore
{
    /// <summary>Runs <paramref name="work"/> in one transaction of the shared unit of work (see <see cref="Storage.IUnitOfWork"/>).</summary>
    T Write<T>(Func<IQuizWrites, T> work);

    QuizRun? FindQuiz(int id);

    /// <summary>The quiz running in a channel, if any (one at a time per channel).</summary>
    QuizRun? RunningIn(ulong channelId);

    /// <summary>Every quiz still marked running (after a restart, to close them).</summary>
    IReadOnlyList<QuizRun> Running();

    /// <summary>A channel's finished quizzes since a time, oldest first: what a session's transcript takes in.</summary>
    IReadOnlyList<QuizRun> FinishedIn(ulong channelId, DateTimeOffset since);

    /// <summary>Every answer of a quiz, in the order given.</summary>
    IReadOnlyList<QuizAnswer> AnswersOf(int quizId);
}
