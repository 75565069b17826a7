using Microsoft.Extensions.Logging;

namespace BackgroundBot.Quizzes;

internal static partial class Log
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Quiz {QuizId} started in channel {ChannelId} with {Questions} questions")]
    public static partial void QuizStarted(ILogger logger, int quizId, ulong channelId, int questions);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Quiz {QuizId} in channel {ChannelId} finished after {Questions} questions")]
    public static partial void QuizFinished(ILogger logger, int quizId, ulong channelId, int questions);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error, Message = "Quiz {QuizId} stopped on a failure; it is marked abandoned")]
    public static partial void QuizFailed(ILogger logger, int quizId, Exception exception);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "The model's wording of the question on fact {FactId} named an option or was unusable; the built wording is kept")]
    public static partial void WordingRejected(ILogger logger, int factId);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "The model could not word the question on fact {FactId} ({Failure}); the built wording is kept")]
    public static partial void WordingFailed(ILogger logger, int factId, string failure, Exception exception);
}
