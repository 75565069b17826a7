using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Interactions;

internal static partial class InteractionsLog
{
    [LoggerMessage(EventId = 1200, EventName = "InteractionHandlerFailed", Level = LogLevel.Error,
        Message = "Handling interaction {InteractionId} failed (reference {Reference})")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, ulong interactionId, string reference);

    [LoggerMessage(EventId = 1201, EventName = "InteractionApologyFailed", Level = LogLevel.Warning,
        Message = "Could not tell the user that interaction {InteractionId} failed (reference {Reference})")]
    public static partial void ApologyFailed(ILogger logger, Exception exception, ulong interactionId, string reference);

    [LoggerMessage(EventId = 1202, EventName = "InteractionNoAnswer", Level = LogLevel.Warning,
        Message = "The handler of interaction {InteractionId} ({Name}) returned without answering")]
    public static partial void NoAnswer(ILogger logger, ulong interactionId, string? name);

    [LoggerMessage(EventId = 1203, EventName = "InteractionSignatureRejected", Level = LogLevel.Information,
        Message = "Rejected an interaction request: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1204, EventName = "InteractionAutoDeferred", Level = LogLevel.Debug,
        Message = "Deferred interaction {InteractionId} for a handler still working after {After}")]
    public static partial void AutoDeferred(ILogger logger, ulong interactionId, TimeSpan after);

    [LoggerMessage(EventId = 1208, EventName = "InteractionAutoDeferFailed", Level = LogLevel.Warning,
        Message = "Could not defer interaction {InteractionId}")]
    public static partial void AutoDeferFailed(ILogger logger, Exception exception, ulong interactionId);

    [LoggerMessage(EventId = 1205, EventName = "CommandsUnchanged", Level = LogLevel.Information,
        Message = "Application commands unchanged ({Count}); not re-registering")]
    public static partial void CommandsUnchanged(ILogger logger, int count);

    [LoggerMessage(EventId = 1206, EventName = "CommandsRegistered", Level = LogLevel.Information,
        Message = "Registered {Count} application commands ({Scope})")]
    public static partial void CommandsRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(EventId = 1207, EventName = "CommandsRegistrationFailed", Level = LogLevel.Error,
        Message = "Registering application commands failed")]
    public static partial void CommandsRegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1210, EventName = "InteractionReplayed", Level = LogLevel.Information,
        Message = "Refused a replay of interaction {InteractionId}: it was already answered")]
    public static partial void Replayed(ILogger logger, ulong interactionId);

    [LoggerMessage(EventId = 1220, EventName = "InteractionsDraining", Level = LogLevel.Information,
        Message = "Shutting down: taking no new interactions; waiting up to {Deadline} for {InFlight} in flight")]
    public static partial void Draining(ILogger logger, int inFlight, TimeSpan deadline);

    [LoggerMessage(EventId = 1221, EventName = "InteractionsDrained", Level = LogLevel.Information,
        Message = "Shutting down: every interaction in flight was answered")]
    public static partial void Drained(ILogger logger);

    [LoggerMessage(EventId = 1222, EventName = "InteractionsGivenUp", Level = LogLevel.Warning,
        Message = "Shutting down: {InFlight} interactions still running after {Deadline}; cancelling them and telling their members to ask again")]
    public static partial void GivingUp(ILogger logger, int inFlight, TimeSpan deadline);

    [LoggerMessage(EventId = 1223, EventName = "InteractionRestartNoticeSent", Level = LogLevel.Information,
        Message = "Told the member of interaction {InteractionId} that the bot is restarting")]
    public static partial void RestartNoticeSent(ILogger logger, ulong interactionId);

    [LoggerMessage(EventId = 1224, EventName = "InteractionRestartNoticeFailed", Level = LogLevel.Warning,
        Message = "Could not tell the member of interaction {InteractionId} that the bot is restarting")]
    public static partial void RestartNoticeFailed(ILogger logger, Exception exception, ulong interactionId);

    [LoggerMessage(EventId = 1225, EventName = "InteractionRefusedStopping", Level = LogLevel.Information,
        Message = "Refused interaction {InteractionId} with 503: shutting down (Discord shows the member a failure; they can ask again)")]
    public static partial void RefusedStopping(ILogger logger, ulong interactionId);
}
