namespace BackgroundBot.Sessions;

/// <summary>Sessions' records: educators' live Q&amp;A sessions and their queued questions.</summary>
public interface ISessionStore
{
    /// <summary>Runs <paramref name="work"/> in one transaction of the shared unit of work (see <see cref="Storage.IUnitOfWork"/>).</summary>
    T Write<T>(Func<ISessionWrites, T> work);

    Session? FindSession(int id);

    /// <summary>The active session in a channel, if any (there is at most one).</summary>
    Session? ActiveSessionIn(string channelId);

    /// <summary>Every active session, the one ending first first.</summary>
    IReadOnlyList<Session> ActiveSessions();

    /// <summary>Sessions, newest first; only one channel's when <paramref name="channelId"/> is given.</summary>
    IReadOnlyList<Session> ListSessions(string? channelId = null);

    SessionQuestion? FindQuestion(int id);

    /// <summary>A session's questions in the order asked.</summary>
    IReadOnlyList<SessionQuestion> QuestionsOf(int sessionId);
}
