using Microsoft.Extensions.Logging;

namespace BackgroundBot.Bot;

internal static partial class Log
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Interaction {InteractionId} failed; reference {Reference}")]
    public static partial void InteractionFailed(ILogger logger, ulong interactionId, string reference, Exception exception);
}
