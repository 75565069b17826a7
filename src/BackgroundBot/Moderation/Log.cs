using Microsoft.Extensions.Logging;

namespace BackgroundBot.Moderation;

internal static partial class Log
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Discarded {Count} article previews not confirmed within {Lifetime}")]
    public static partial void PendingImportsDiscarded(ILogger logger, int count, TimeSpan lifetime);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Discarding expired article previews failed; trying again in a minute")]
    public static partial void PendingImportSweepFailed(ILogger logger, Exception exception);
}
