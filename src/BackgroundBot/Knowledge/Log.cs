using Microsoft.Extensions.Logging;

namespace BackgroundBot.Knowledge;

internal static partial class Log
{

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Seeded the fact store with article {ArticleId} and {AliasCount} alias groups")]
    public static partial void StoreSeeded(ILogger logger, int articleId, int aliasCount);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Imported article {ArticleId} ({PassageCount} passages) by {Actor}")]
    public static partial void ArticleImported(ILogger logger, int articleId, int passageCount, string actor);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Import refused: {Reason}")]
    public static partial void ImportRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Loaded fact pack {Pack}: {Added} facts added, {Kept} already present, {Aliases} alias groups added")]
    public static partial void PackLoaded(ILogger logger, string pack, int added, int kept, int aliases);
}
