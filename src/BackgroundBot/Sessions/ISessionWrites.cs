using BackgroundBot.Storage;

namespace BackgroundBot.Sessions;

/// <summary>Sessions' writes inside one transaction.</summary>
public interface ISessionWrites : IStoreTransaction
{
    /// <summary>
    /// Stores a new active session and returns it with its id, or returns null when its channel already has an active
    /// session (checked in this transaction, so two instances starting one at once get one session).
    /// </summary>
    Session? TryStartSession(Session session);

    /// <summary>Saves a changed session.</summary>
    void UpdateSession(Session session);

    /// <summary>Stores a new question (id 0 gets the next id) or saves a changed one.</summary>
    SessionQuestion PutQuestion(SessionQuestion question);
}
