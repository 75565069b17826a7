using Microsoft.Extensions.Logging;

namespace BackgroundBot.Answering;

internal static partial class Log
{
    // Debug only: why a sentence was or was not chosen, for tuning the bars on a question that went wrong.
    [LoggerMessage(EventId = 260, Level = LogLevel.Debug, Message = "Candidate score {Score:F3} coverage {Coverage:F2} similarity {Similarity} relevant {Relevant}: {Sentence}")]
    public static partial void Candidate(ILogger logger, double score, double coverage, string similarity, bool relevant, string sentence);
}
