using System.Runtime.CompilerServices;

namespace BackgroundBot.Retrieval;

/// <summary>The BM25 parameters and index statistics one search scores with, read once per search.</summary>
/// <remarks>
/// Document lengths are looked up by document: scoring runs block by block, so the lengths of the block being
/// scored (64 KB) stay in cache beside its score slots, and postings stay 8 bytes.
/// </remarks>
internal readonly struct Bm25(double k1, double b, double averageLength, double[] normByLength, int[] lengths, bool[]? dead)
{
    private readonly double _saturation = k1 + 1;

    public static double Norm(double k1, double b, int length, double averageLength) => k1 * (1 - b + (b * length / averageLength));

    /// <summary>Whether the document was removed and is waiting for compaction; null <c>dead</c> means none is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsDead(int doc) => dead is not null && dead[doc];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Length(int doc) => lengths[doc];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Score(double idf, Posting posting) => Score(idf, posting.Frequency, lengths[posting.Doc]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Score(double idf, int frequency, int length)
    {
        var norm = (uint)length < (uint)normByLength.Length
            ? normByLength[length]
            : Norm(k1, b, length, averageLength);
        return idf * frequency * _saturation / (frequency + norm);
    }
}
