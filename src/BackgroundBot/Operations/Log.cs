using Microsoft.Extensions.Logging;

namespace BackgroundBot.Operations;

internal static partial class Log
{
    [LoggerMessage(EventId = 1500, EventName = "UnknownSetting", Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void UnknownSetting(ILogger logger, string problem);

    [LoggerMessage(EventId = 1501, EventName = "BotStarted", Level = LogLevel.Information, Message = "BackgroundBot {Version} started ({Verb}); store {StorePath}")]
    public static partial void Started(ILogger logger, string version, string verb, string storePath);

    [LoggerMessage(EventId = 1502, EventName = "ShutdownBegun", Level = LogLevel.Information, Message = "Shutdown requested (SIGTERM or Ctrl+C); stopping within {Timeout}")]
    public static partial void ShutdownBegun(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 1503, EventName = "StoreClosing", Level = LogLevel.Information, Message = "Shutdown: transports stopped; closing the fact store (its log is checkpointed into the file)")]
    public static partial void StoreClosing(ILogger logger);
}
