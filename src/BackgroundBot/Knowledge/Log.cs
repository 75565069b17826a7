using Microsoft.Extensions.Logging;

namespace BackgroundBot.Knowledge;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Fact store {Path} schema set from version {From} to {To}")]
    public static partial void StoreSchemaSet(ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Seeded the fact store with article {ArticleId} and {AliasCount} alias groups")]
    public static partial void StoreSeeded(ILogger logger, int articleId, int aliasCount);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Imported article {ArticleId} ({PassageCount} passages) by {Actor}")]
    public static partial void ArticleImported(ILogger logger, int articleId, int passageCount, string actor);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Import refused: {Reason}")]
    public static partial void ImportRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Loaded fact pack {Pack}: {Added} facts added, {Kept} already present, {Aliases} alias groups added")]
    public static partial void PackLoaded(ILogger logger, string pack, int added, int kept, int aliases);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Backups of the running store are served on {Socket}")]
    public static partial void BackupListening(ILogger logger, string socket);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Backups through the running bot are unavailable: cannot listen on {Socket}; stop the bot to back up")]
    public static partial void BackupListenerUnavailable(ILogger logger, string socket, Exception exception);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Wrote a backup of the store ({Bytes} bytes) for the backup verb")]
    public static partial void BackupServed(ILogger logger, long bytes);

    [LoggerMessage(EventId = 108, Level = LogLevel.Warning, Message = "A backup request failed")]
    public static partial void BackupFailed(ILogger logger, Exception exception);
}
