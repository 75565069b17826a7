using Microsoft.Extensions.Logging;

namespace BackgroundBot.Bot;

internal static partial class Log
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Error, Message = "Interaction {InteractionId} failed; reference {Reference}")]
    public static partial void InteractionFailed(ILogger logger, ulong interactionId, string reference, Exception exception);

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "The shared rate-limit windows are unreachable; counting in this instance's memory until they are back")]
    public static partial void SharedWindowsUnavailable(ILogger logger, Exception exception);
}
