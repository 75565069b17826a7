using System.Numerics.Tensors;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Passage embeddings in memory, normalised, searched by cosine similarity. Vectors are stored in one array, row
/// after row, as half-precision floats (half the memory of single ones; a similarity moves by about 1e-4, far below
/// any answering bar), beside 8-bit codes that a search scans first (a quarter of the memory to read), before scoring
/// exactly the few rows that can still make the top: the ranking is that of scoring every stored row, without reading
/// 77 MB of rows per question at 100k passages. Readers never lock: they search the state published last (see
/// <see cref="VectorRows"/>); writers are serialised.
/// </summary>
public sealed class VectorIndex
{
    private readonly Lock _gate = new();
    private volatile VectorRows _rows = VectorRows.Empty;
    private int _reserved;

    public int Count => _rows.Live;

    /// <summary>
    /// Makes room for <paramref name="rows"/> vectors in all when the next <see cref="Set"/> needs new arrays, so a
    /// load in batches allocates them once, at their final size.
    /// </summary>
    public void Reserve(int rows)
    {
        lock (_gate)
        {
            _reserved = Math.Max(rows, 0);
        }
    }

    /// <summary>Stores (or replaces) passages' vectors, normalised; the caller's arrays are not changed.</summary>
    /// <exception cref="ArgumentException">A vector has other dimensions than those already stored.</exception>
    public void Set(IEnumerable<(int PassageId, float[] Vector)> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var incoming = vectors as IReadOnlyCollection<(int PassageId, float[] Vector)> ?? vectors.ToList();
        if (incoming.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            var current = _rows;
            var dimensions = current.Live == 0 ? 0 : current.Dimensions;
            foreach (var (_, vector) in incoming)
            {
                ArgumentNullException.ThrowIfNull(vector);
                if (vector.Length == 0)
                {
                    throw new ArgumentException("A vector needs at least one dimension.", nameof(vectors));
                }

                if (dimensions == 0)
                {
                    dimensions = vector.Length;
                }
                else if (vector.Length != dimensions)
                {
                    throw new ArgumentException($"A vector of {vector.Length} dimensions cannot join an index of {dimensions}.", nameof(vectors));
                }
            }

            // New rows go past the published ones, in arrays that readers of the current state never read that far. A
            // new state over new arrays when those are full or of other dimensions, or when a stored passage gets a new
            // vector: its old row dies, and in the published arrays a search could then find neither row.
            var inPlace = current.Dimensions == dimensions
                && current.Used + incoming.Count <= current.Capacity
                && !incoming.Any(v => current.RowOf.ContainsKey(v.PassageId));
            var target = inPlace
                ? current
                : Resize(current.Dimensions == dimensions ? current : VectorRows.Empty, dimensions, Math.Max(_reserved, current.Live + incoming.Count));
            var rowOf = new Dictionary<int, int>(target.RowOf);
            var used = target.Used;
            var live = target.Live;
            var normalised = new float[dimensions];
            foreach (var (id, vector) in incoming)
            {
                var row = used++;
                vector.CopyTo(normalised, 0);
                Normalise(normalised.AsSpan());
                var stored = target.Vectors.AsSpan(row * dimensions, dimensions);
                TensorPrimitives.ConvertToHalf(normalised, stored);

                // The codes and their error bound are taken from the row as stored, so the bound holds for the
                // similarity a search computes from it.
                TensorPrimitives.ConvertToSingle(stored, normalised);
                (target.Scales[row], target.Residuals[row]) = QuantizedVector.QuantiseRow(normalised, target.Codes.AsSpan(row * dimensions, dimensions));
                target.Ids[row] = id;
                if (rowOf.TryGetValue(id, out var old))
                {
                    target.Ids[old] = VectorRows.Dead;
                }
                else
                {
                    live++;
                }

                rowOf[id] = row;
            }

            _rows = Compacted(new VectorRows(dimensions, used, live, target.Vectors, target.Codes, target.Scales, target.Residuals, target.Ids, rowOf));
        }
    }

    public void Remove(IEnumerable<int> passageIds)
    {
        ArgumentNullException.ThrowIfNull(passageIds);
        lock (_gate)
        {
            var current = _rows;
            Dictionary<int, int>? rowOf = null;
            foreach (var id in passageIds)
            {
                rowOf ??= new Dictionary<int, int>(current.RowOf);
                if (rowOf.Remove(id, out var row))
                {
                    current.Ids[row] = VectorRows.Dead;
                }
            }

            if (rowOf is not null && rowOf.Count != current.Live)
            {
                _rows = Compacted(new VectorRows(
                    current.Dimensions, current.Used, rowOf.Count, current.Vectors, current.Codes, current.Scales, current.Residuals, current.Ids, rowOf));
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rows = VectorRows.Empty;
        }
    }

    /// <summary>The passages most similar to <paramref name="query"/> (normalised here), best first, ties to the lower id.</summary>
    public IReadOnlyList<(int PassageId, float Similarity)> Search(ReadOnlySpan<float> query, int count)
    {
        var rows = _rows;
        if (query.Length != rows.Dimensions || rows.Live == 0 || count <= 0)
        {
            return [];
        }

        // The question is normalised into a per-thread copy: the caller's span may be read-only, and a copy per
        // question would be the search's only allocation besides its results.
        var normalised = QueryBuffer(query.Length);
        query.CopyTo(normalised);
        Normalise(normalised);
        return rows.Search(normalised, count);
    }

    /// <summary>Cosine similarity of one passage to a normalised query; null when the passage has no vector.</summary>
    public float? Similarity(int passageId, float[] normalisedQuery)
    {
        ArgumentNullException.ThrowIfNull(normalisedQuery);
        return _rows.Similarity(passageId, normalisedQuery);
    }

    public static float[] Normalise(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        Normalise(vector.AsSpan());
        return vector;
    }

    private static void Normalise(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    [ThreadStatic]
    private static float[]? t_query;

    private static Span<float> QueryBuffer(int dimensions)
    {
        if (t_query is null || t_query.Length < dimensions)
        {
            t_query = new float[dimensions];
        }

        return t_query.AsSpan(0, dimensions);
    }

    // Live rows into arrays with room for `needed` rows (and a quarter more when growing, so appends one article at a
    // time copy the store a few times, not once per article). Exact size on the first load.
    private static VectorRows Resize(VectorRows rows, int dimensions, int needed)
    {
        var capacity = rows.Used == 0 ? needed : Math.Max(needed, rows.Live + (rows.Live / 4) + 64);
        var vectors = new Half[capacity * dimensions];
        var codes = new sbyte[capacity * dimensions];
        var scales = new float[capacity];
        var residuals = new float[capacity];
        var ids = new int[capacity];
        var rowOf = new Dictionary<int, int>(capacity);
        var used = 0;
        for (var row = 0; row < rows.Used; row++)
        {
            var id = rows.Ids[row];
            if (id == VectorRows.Dead)
            {
                continue;
            }

            rows.Vector(row).CopyTo(vectors.AsSpan(used * dimensions, dimensions));
            rows.Codes.AsSpan(row * dimensions, dimensions).CopyTo(codes.AsSpan(used * dimensions, dimensions));
            scales[used] = rows.Scales[row];
            residuals[used] = rows.Residuals[row];
            ids[used] = id;
            rowOf[id] = used;
            used++;
        }

        return new VectorRows(dimensions, used, used, vectors, codes, scales, residuals, ids, rowOf);
    }

    // Dead rows cost a search their codes' reading; past a quarter of the rows they are dropped.
    private static VectorRows Compacted(VectorRows rows) =>
        rows.Live == 0 ? VectorRows.Empty
        : (rows.Used - rows.Live) * 4 > rows.Used ? Resize(rows, rows.Dimensions, rows.Live)
        : rows;
}
