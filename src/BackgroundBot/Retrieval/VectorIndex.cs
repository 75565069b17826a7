using System.Numerics.Tensors;

namespace BackgroundBot.Retrieval;

/// <summary>Passage embeddings in memory, normalised, searched by cosine similarity (exhaustively: stores are small).</summary>
public sealed class VectorIndex
{
    private readonly Lock _gate = new();
    private Dictionary<int, float[]> _vectors = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _vectors.Count;
            }
        }
    }

    public void Set(IEnumerable<(int PassageId, float[] Vector)> vectors)
    {
        lock (_gate)
        {
            var copy = new Dictionary<int, float[]>(_vectors);
            foreach (var (id, vector) in vectors)
            {
                copy[id] = Normalise(vector);
            }

            _vectors = copy;
        }
    }

    public void Remove(IEnumerable<int> passageIds)
    {
        lock (_gate)
        {
            var copy = new Dictionary<int, float[]>(_vectors);
            foreach (var id in passageIds)
            {
                copy.Remove(id);
            }

            _vectors = copy;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _vectors = [];
        }
    }

    public IReadOnlyList<(int PassageId, float Similarity)> Search(ReadOnlySpan<float> query, int count)
    {
        Dictionary<int, float[]> vectors;
        lock (_gate)
        {
            vectors = _vectors;
        }

        var normalised = Normalise(query.ToArray());
        return vectors
            .Where(v => v.Value.Length == normalised.Length)
            .Select(v => (v.Key, TensorPrimitives.Dot(v.Value, normalised)))
            .OrderByDescending(v => v.Item2)
            .ThenBy(v => v.Key)
            .Take(count)
            .ToList();
    }

    /// <summary>Cosine similarity of one passage to a normalised query; null when the passage has no vector.</summary>
    public float? Similarity(int passageId, float[] normalisedQuery)
    {
        Dictionary<int, float[]> vectors;
        lock (_gate)
        {
            vectors = _vectors;
        }

        return vectors.TryGetValue(passageId, out var vector) && vector.Length == normalisedQuery.Length
            ? TensorPrimitives.Dot(vector, normalisedQuery)
            : null;
    }

    public static float[] Normalise(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
