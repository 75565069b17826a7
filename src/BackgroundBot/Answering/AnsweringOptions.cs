using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Answering;

public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>Longest question accepted, in characters. Defaults to 500.</summary>
    [Range(20, 4000)]
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>
    /// The relevance bar: the share of the question's weight (BM25 IDF) the best sentence must cover
    /// before the bot answers at all. Defaults to 0.35.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinCoverage { get; set; } = 0.35;

    /// <summary>Most sentences in an extractive answer. Defaults to 3.</summary>
    [Range(1, 6)]
    public int MaxSentences { get; set; } = 3;
}
