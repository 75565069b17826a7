using System.Numerics.Tensors;

namespace BackgroundBot.Benchmarks.Baseline;

/// <summary>
/// The straightforward way to rank vectors, for comparison: the same contiguous normalised rows, every one scored
/// with <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>, the best kept in a fixed-size
/// min-heap. Allocates only its results, but reads every float of every row.
/// </summary>
public sealed class ExhaustiveVectors
{
    private readonly float[] _rows;
    private readonly int _dimensions;

    public ExhaustiveVectors(IReadOnlyList<float[]> normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        _dimensions = normalised[0].Length;
        _rows = new float[normalised.Count * _dimensions];
        for (var i = 0; i < normalised.Count; i++)
        {
            normalised[i].CopyTo(_rows, i * _dimensions);
        }
    }

    public int Count => _rows.Length / _dimensions;

    /// <summary>The rows most similar to <paramref name="query"/> (normalised), best first; ties to the lower row.</summary>
    public List<(int Row, float Similarity)> Search(ReadOnlySpan<float> query, int count)
    {
        count = Math.Min(count, Count);
        var heap = new PriorityQueue<int, (float Similarity, int Row)>(count + 1, WorstFirst.Instance);
        for (var row = 0; row < Count; row++)
        {
            var similarity = TensorPrimitives.Dot(_rows.AsSpan(row * _dimensions, _dimensions), query);
            if (heap.Count < count)
            {
                heap.Enqueue(row, (similarity, row));
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((similarity, row), worst) > 0)
            {
                heap.DequeueEnqueue(row, (similarity, row));
            }
        }

        var results = new List<(int Row, float Similarity)>(heap.Count);
        while (heap.TryDequeue(out var row, out var priority))
        {
            results.Add((row, priority.Similarity));
        }

        results.Reverse();
        return results;
    }

    private sealed class WorstFirst : IComparer<(float Similarity, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        // The heap's root is the worst kept: lower similarity, or on a tie the higher row.
        public int Compare((float Similarity, int Row) x, (float Similarity, int Row) y) =>
            x.Similarity != y.Similarity ? x.Similarity.CompareTo(y.Similarity) : y.Row.CompareTo(x.Row);
    }
}
