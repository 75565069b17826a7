using Microsoft.Extensions.Logging;

namespace BackgroundBot.Community;

internal static partial class Log
{
    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Could not open a follow-up thread on answer {AnswerId}; it stands without one")]
    public static partial void ThreadNotOpened(ILogger logger, int answerId, Exception exception);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "Could not replace the placeholder of interaction {InteractionId} after its answer failed")]
    public static partial void PlaceholderNotReplaced(ILogger logger, ulong interactionId, Exception exception);
}
