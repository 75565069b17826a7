using Microsoft.Extensions.Logging;

namespace BackgroundBot.PostgreSql;

internal static partial class Log
{
    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "PostgreSQL store {Where} schema migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string where, int from, int to);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "A store read lost its connection (attempt {Attempt}); retrying on a new one")]
    public static partial void ReadRetried(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 122, Level = LogLevel.Warning, Message = "A store write lost its connection before committing (attempt {Attempt}); retrying it whole on a new one")]
    public static partial void WriteRetried(ILogger logger, int attempt, Exception exception);

    [LoggerMessage(EventId = 123, Level = LogLevel.Error, Message = "An observer of store change {Sequence} failed; the change is committed, but what follows the feed may be stale until restart")]
    public static partial void ChangeObserverFailed(ILogger logger, long sequence, Exception exception);

    [LoggerMessage(EventId = 124, Level = LogLevel.Warning, Message = "Could not read the change feed after a write; the listener catches up once the store is reachable")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 125, Level = LogLevel.Information, Message = "Following the store's change feed on {Where} from sequence {Sequence}")]
    public static partial void Listening(ILogger logger, string where, long sequence);

    [LoggerMessage(EventId = 126, Level = LogLevel.Warning, Message = "Lost the change feed's connection; reconnecting in {Delay} and catching up by sequence number")]
    public static partial void ListenerLost(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 127, Level = LogLevel.Debug, Message = "Caught up on {Count} store changes from other instances")]
    public static partial void CaughtUp(ILogger logger, int count);
}
