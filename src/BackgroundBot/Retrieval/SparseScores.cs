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
            _touched = new int[size];
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int doc, double score)
    {
        ref var slot = ref _slots[doc];
        if (slot.Stamp != _stamp)
        {
            slot.Stamp = _stamp;
            slot.Score = score;
            _touched[TouchedCount++] = doc;
        }
        else
        {
            slot.Score += score;
        }
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public double Score;
        public int Stamp;
    }
}
