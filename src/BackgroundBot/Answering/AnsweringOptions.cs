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

    /// <summary>
    /// The similarity by meaning (cosine, local model) the best evidence needs besides <see cref="MinCoverage"/>.
    /// Tuned on the development set (docs/answer-quality.md). Defaults to 0.62 (0.06 less for an article passage).
    /// </summary>
    [Range(-1.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.62;

    /// <summary>A similarity so close that half of <see cref="MinCoverage"/> suffices: a fact phrased in other words. Defaults to 0.75.</summary>
    [Range(-1.0, 1.0)]
    public double StrongSimilarity { get; set; } = 0.75;

    /// <summary>Similarity at or below which meaning adds nothing to a sentence's relevance. Defaults to 0.45.</summary>
    [Range(-1.0, 1.0)]
    public double SimilarityFloor { get; set; } = 0.45;

    /// <summary>Similarity at or above which meaning counts in full. Defaults to 0.85.</summary>
    [Range(-1.0, 1.0)]
    public double SimilarityCeiling { get; set; } = 0.85;

    /// <summary>How much meaning counts against word coverage in a sentence's relevance, 0 to 1. Defaults to 0.5.</summary>
    [Range(0.0, 1.0)]
    public double MeaningWeight { get; set; } = 0.5;

    /// <summary>Most sentences in an extractive answer. Defaults to 3.</summary>
    [Range(1, 6)]
    public int MaxSentences { get; set; } = 3;
}
