namespace BackgroundBot.Bot;

/// <summary>
/// Rate-limit windows kept where every instance of the bot counts in them (the PostgreSQL store), so a member's
/// per-minute limit holds whichever instance receives the question. Without one, each process counts in its memory.
/// </summary>
public interface ISharedRequestWindows
{
    /// <summary>
    /// Counts a request at <paramref name="now"/> for every key, or none if any key is over its limit within
    /// <paramref name="window"/>; then returns how long to wait.
    /// </summary>
    TimeSpan? TryAcquire(DateTimeOffset now, TimeSpan window, IReadOnlyList<(string Key, int Limit)> keys);
}
