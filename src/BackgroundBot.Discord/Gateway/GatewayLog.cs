using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Gateway;

internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1300, EventName = "GatewayConnecting", Level = LogLevel.Information, Message = "Shard {ShardId}: connecting to {Url} to {Action}")]
    public static partial void Connecting(ILogger logger, int shardId, string url, string action);

    [LoggerMessage(EventId = 1301, EventName = "GatewayReady", Level = LogLevel.Information, Message = "Shard {ShardId}: ready, session {SessionId}")]
    public static partial void Ready(ILogger logger, int shardId, string sessionId);

    [LoggerMessage(EventId = 1302, EventName = "GatewayResumed", Level = LogLevel.Information, Message = "Shard {ShardId}: resumed at sequence {Sequence}")]
    public static partial void Resumed(ILogger logger, int shardId, int? sequence);

    [LoggerMessage(EventId = 1303, EventName = "GatewayClosed", Level = LogLevel.Warning, Message = "Shard {ShardId}: connection ended (close code {CloseCode}); {Next} in {Delay}")]
    public static partial void Closed(ILogger logger, int shardId, int? closeCode, string next, TimeSpan delay);

    [LoggerMessage(EventId = 1304, EventName = "GatewayZombie", Level = LogLevel.Warning, Message = "Shard {ShardId}: no heartbeat ACK within {Interval}; the connection is a zombie, reconnecting")]
    public static partial void Zombie(ILogger logger, int shardId, TimeSpan interval);

    [LoggerMessage(EventId = 1305, EventName = "GatewayStopped", Level = LogLevel.Critical, Message = "The Discord gateway stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 1306, EventName = "GatewayInvalidSession", Level = LogLevel.Warning, Message = "Shard {ShardId}: invalid session (resumable: {Resumable})")]
    public static partial void InvalidSession(ILogger logger, int shardId, bool resumable);

    [LoggerMessage(EventId = 1307, EventName = "GatewayReconnectRequested", Level = LogLevel.Information, Message = "Shard {ShardId}: Discord asked for a reconnect")]
    public static partial void ReconnectRequested(ILogger logger, int shardId);

    [LoggerMessage(EventId = 1308, EventName = "GatewayResumeGivenUp", Level = LogLevel.Warning, Message = "Shard {ShardId}: resuming failed {Attempts} times in a row; starting a new session")]
    public static partial void ResumeGivenUp(ILogger logger, int shardId, int attempts);

    [LoggerMessage(EventId = 1309, EventName = "GatewayDuplicateInteraction", Level = LogLevel.Debug, Message = "Interaction {InteractionId} was already handled; ignoring the replay")]
    public static partial void DuplicateInteraction(ILogger logger, string interactionId);

    [LoggerMessage(EventId = 1311, EventName = "GatewayConnectionFailed", Level = LogLevel.Warning, Message = "Shard {ShardId}: the connection failed; reconnecting")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, int shardId);

    [LoggerMessage(EventId = 1310, EventName = "GatewayBadInteraction", Level = LogLevel.Warning, Message = "An INTERACTION_CREATE could not be read")]
    public static partial void BadInteraction(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1312, EventName = "GatewayClosedForShutdown", Level = LogLevel.Information, Message = "Shard {ShardId}: gateway connection closed for shutdown")]
    public static partial void ClosedForShutdown(ILogger logger, int shardId);

    [LoggerMessage(EventId = 1313, EventName = "GatewayDiscoveryFailed", Level = LogLevel.Warning, Message = "{Reason}; trying GET /gateway/bot again in {Delay} (the bot is not ready meanwhile)")]
    public static partial void DiscoveryFailed(ILogger logger, string reason, TimeSpan delay);
}
