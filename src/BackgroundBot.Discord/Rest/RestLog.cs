using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Rest;

internal static partial class RestLog
{
    [LoggerMessage(EventId = 1100, EventName = "RestRateLimited", Level = LogLevel.Warning,
        Message = "Discord rate-limited {Method} {Route} (global: {Global}, scope: {Scope}); retrying after {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string method, string route, bool global, string? scope, TimeSpan retryAfter);

    [LoggerMessage(EventId = 1101, EventName = "RestServerError", Level = LogLevel.Warning,
        Message = "Discord answered {Route} with {Status}; retry {Attempt} after {Delay}")]
    public static partial void Retrying(ILogger logger, string route, int status, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1104, EventName = "RestUnreached", Level = LogLevel.Warning,
        Message = "{Reason} ({Route}); retry {Attempt} after {Delay}")]
    public static partial void RetryingUnreached(ILogger logger, string route, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1102, EventName = "RestRejected", Level = LogLevel.Error,
        Message = "Discord rejected {Method} {Route} with {Status} (code {Code}): {DiscordMessage}")]
    public static partial void Rejected(ILogger logger, string method, string route, int status, int? code, string? discordMessage);

    [LoggerMessage(EventId = 1103, EventName = "RestInvalidRequestLimit", Level = LogLevel.Critical,
        Message = "{Reason}")]
    public static partial void InvalidRequestLimitReached(ILogger logger, string reason);

    [LoggerMessage(EventId = 1110, EventName = "RestCallbackUncertain", Level = LogLevel.Warning,
        Message = "The answer to interaction {InteractionId}'s callback was lost ({Reason}); checking what Discord holds before sending it again")]
    public static partial void CallbackUncertain(ILogger logger, ulong interactionId, string reason);

    [LoggerMessage(EventId = 1111, EventName = "RestCallbackFoundDelivered", Level = LogLevel.Information,
        Message = "Interaction {InteractionId} was already acknowledged by an earlier attempt; not sending it again")]
    public static partial void CallbackFoundDelivered(ILogger logger, ulong interactionId);
}
