using Microsoft.Extensions.Logging;

namespace BackgroundBot.Timeline;

internal static partial class Log
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void FontMissing(ILogger logger, string problem);
}
