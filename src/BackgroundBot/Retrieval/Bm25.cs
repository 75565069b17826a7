using System.Runtime.CompilerServices;

namespace BackgroundBot.Retrieval;

/// <summary>The BM25 parameters and index statistics one search scores with, read once per search.</summary>
internal readonly struct Bm25(double k1, double b, double averageLength, double[] normByLength, bool[]? dead)
{
    private readonly double _saturation = k1 + 1;

    public static double Norm(double k1, double b, int length, double averageLength) => k1 * (1 - b + (b * length / averageLength));

    /// <summary>Whether the document was removed and is waiting for compaction; null <c>dead</c> means none is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDead(int doc) => dead is not null && dead[doc];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Score(double idf, Posting posting)
    {
        var norm = (uint)posting.Length < (uint)normByLength.Length
            ? normByLength[posting.Length]
            : Norm(k1, b, posting.Length, averageLength);
        return idf * posting.Frequency * _saturation / (posting.Frequency + norm);
    }
}
