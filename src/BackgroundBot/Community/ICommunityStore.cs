namespace BackgroundBot.Community;

/// <summary>
/// Community's records: answers given in chat (with their follow-up threads) and feedback on them. Rate-limit windows
/// are counted by <c>Bot/RequestLimiter</c>: in the shared store with PostgreSQL (<c>Bot/ISharedRequestWindows</c>), else in memory.
/// </summary>
public interface ICommunityStore
{
    /// <summary>Runs <paramref name="work"/> in one transaction of the shared unit of work (see <see cref="Storage.IUnitOfWork"/>).</summary>
    T Write<T>(Func<ICommunityWrites, T> work);

    AnswerRecord? FindAnswer(int id);

    /// <summary>The answer whose thread this is, if the channel is one the bot opened.</summary>
    AnswerRecord? FindAnswerByThread(string threadId);

    IReadOnlyList<AnswerFeedback> FeedbackFor(int answerId);

    /// <summary>The answers given since a time, oldest first (the FAQ groups their questions).</summary>
    IReadOnlyList<AnswerRecord> AnswersSince(DateTimeOffset since);
}
