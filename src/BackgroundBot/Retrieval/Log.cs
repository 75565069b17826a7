using Microsoft.Extensions.Logging;

namespace BackgroundBot.Retrieval;

internal static partial class Log
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "The embeddings model failed ({Reason}); retrieving lexically for this question")]
    public static partial void QueryEmbeddingFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "The store holds embeddings of {Models}, not of the configured model {Model}; they are not used. Run `embeddings --rebuild` to recompute them")]
    public static partial void OtherModelEmbeddings(ILogger logger, string models, string model);
}
