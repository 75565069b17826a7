using Microsoft.Extensions.Logging;

namespace BackgroundBot.Llm;

internal static partial class Log
{
    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Retrying the language model in {Delay} after attempt {Attempt} failed: {Reason}")]
    public static partial void Retrying(ILogger logger, TimeSpan delay, int attempt, string reason);
}
