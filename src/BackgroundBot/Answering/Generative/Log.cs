using Microsoft.Extensions.Logging;

namespace BackgroundBot.Answering.Generative;

internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "The language model failed ({Reason}); answering extractively")]
    public static partial void ModelFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Citation check dropped {Count} sentences of the model's reply")]
    public static partial void SentencesDropped(ILogger logger, int count);

    // The sentence is the model's text, which may echo an injected article: debug level, never a warning to act on.
    [LoggerMessage(EventId = 303, Level = LogLevel.Debug, Message = "{Check} dropped a sentence: {Reason}. Sentence: {Sentence}")]
    public static partial void SentenceUnsupported(ILogger logger, string check, string reason, string sentence);
}
