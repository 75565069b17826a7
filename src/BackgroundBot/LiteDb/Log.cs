using BackgroundBot.Knowledge;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.LiteDb;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Fact store {Path} schema set from version {From} to {To}")]
    public static partial void StoreSchemaSet(ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Backups of the running store are served on {Socket}")]
    public static partial void BackupListening(ILogger logger, string socket);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Backups through the running bot are unavailable: cannot listen on {Socket}; stop the bot to back up")]
    public static partial void BackupListenerUnavailable(ILogger logger, string socket, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Wrote a backup of the store ({Bytes} bytes) for the backup verb")]
    public static partial void BackupServed(ILogger logger, long bytes);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "A backup request failed")]
    public static partial void BackupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 109, Level = LogLevel.Error, Message = "An observer of store change {Sequence} failed; the change is committed, but what follows the feed may be stale until restart")]
    public static partial void ChangeObserverFailed(ILogger logger, long sequence, Exception exception);
}
