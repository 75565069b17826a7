using System.Runtime.CompilerServices;

namespace BackgroundBot.Retrieval;

/// <summary>
/// One term's BM25 score by (frequency, document length), filled in as pairs are met. A long posting list holds
/// few distinct pairs (passages are tens of terms long, frequencies small), so most of its postings cost a table
/// read instead of a division. Each entry is computed by <see cref="Bm25.Score"/> itself, so scores are unchanged.
/// </summary>
internal sealed class TermScoreTable
{
    private const int Frequencies = 4;
    private const int Lengths = 192;

    private readonly double[] _scores = new double[Frequencies * Lengths];

    /// <summary>Lists shorter than this are scored directly; clearing the table would cost more than it saves.</summary>
    public const int MinimumPostings = 2048;

    public void Clear() => _scores.AsSpan().Fill(double.NaN);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Score(in Bm25 bm25, double idf, Posting posting)
    {
        var length = bm25.Length(posting.Doc);
        if ((uint)posting.Frequency < Frequencies && (uint)length < Lengths)
        {
            ref var cached = ref _scores[(length * Frequencies) + posting.Frequency];
            if (double.IsNaN(cached))
            {
                cached = bm25.Score(idf, posting.Frequency, length);
            }

            return cached;
        }

        return bm25.Score(idf, posting.Frequency, length);
    }
}
