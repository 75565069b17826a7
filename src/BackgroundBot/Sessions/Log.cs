using Microsoft.Extensions.Logging;

namespace BackgroundBot.Sessions;

internal static partial class Log
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Session {SessionId} started in channel {ChannelId}, ending at {EndsAt}")]
    public static partial void SessionStarted(ILogger logger, int sessionId, string channelId, DateTimeOffset endsAt);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Session {SessionId} in channel {ChannelId} ended: {Why}")]
    public static partial void SessionEnded(ILogger logger, int sessionId, string channelId, string why);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "The header of session {SessionId} could not be updated")]
    public static partial void HeaderNotUpdated(ILogger logger, int sessionId, Exception exception);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "The message of question {QuestionId} could not be updated")]
    public static partial void QuestionMessageNotUpdated(ILogger logger, int questionId, Exception exception);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Error, Message = "Session {SessionId} could not be closed; trying again at the next check")]
    public static partial void CloseFailed(ILogger logger, int sessionId, Exception exception);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Error, Message = "A session's transcript could not be posted; trying again at the next check")]
    public static partial void TranscriptNotPosted(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Forged or stale session component {CustomId} from user {UserId} refused")]
    public static partial void ComponentRefused(ILogger logger, string customId, ulong userId);
}
