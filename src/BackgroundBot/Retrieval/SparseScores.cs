using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Per-document scores for one query, dense by document number but cleared in time proportional to the documents
/// touched: a slot counts only when its stamp is the current one, so clearing is bumping the stamp. Stamp and score
/// share a slot, so scoring a posting touches one cache line.
/// </summary>
internal sealed class SparseScores
{
    private Slot[] _slots = [];
    private int[] _touched = [];
    private int _stamp = 1;

    public int TouchedCount { get; private set; }

    /// <summary>The documents with a score, in the order they were first scored.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, TouchedCount);

    public void Reset(int documents)
    {
        if (_slots.Length < documents)
        {
            // Grows with the index, once per thread; queries reuse it.
            var size = Math.Max(documents, _slots.Length * 2);
            _slots = new Slot[size];

            // One spare entry: Add writes the document at the end before deciding whether it counts.
            _touched = new int[size + 1];
            _stamp = 0;
        }

        TouchedCount = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_slots);
            _stamp = 1;
        }
    }

    public double this[int doc] => _slots[doc].Score;

    /// <summary>Adds to the document's score, starting it at <paramref name="score"/> when it has none.</summary>
    /// <remarks>
    /// Without branches: whether a document was already scored is a coin toss the branch predictor loses, and a
    /// mispredicted branch costs more than the rest of scoring a posting. A stale slot is multiplied by 0 (scores
    /// are finite), and 0 + score is score exactly, so the sums are the same as with the branch.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int doc, double score)
    {
        ref var slot = ref _slots[doc];
        var fresh = slot.Stamp != _stamp ? 1 : 0;
        slot.Score = (slot.Score * (1 - fresh)) + score;
        slot.Stamp = _stamp;
        _touched[TouchedCount] = doc;
        TouchedCount += fresh;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public double Score;
        public int Stamp;
    }
}
