using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Retrieval;

public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>BM25 term-frequency saturation. Defaults to 1.2.</summary>
    [Range(0.0, 3.0)]
    public double K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation. Defaults to 0.75.</summary>
    [Range(0.0, 1.0)]
    public double B { get; set; } = 0.75;

    /// <summary>How many passages an answer draws its sentences from. Defaults to 5.</summary>
    [Range(1, 50)]
    public int TopPassages { get; set; } = 5;
}
