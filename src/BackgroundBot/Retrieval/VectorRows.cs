using System.Numerics.Tensors;

namespace BackgroundBot.Retrieval;

/// <summary>
/// One published state of a <see cref="VectorIndex"/>: vectors stored contiguously, row after row, with their 8-bit
/// codes beside them. Readers take the current state and never lock. Writers only append rows past
/// <see cref="Used"/> (which no reader of this state looks at), mark a removed passage's row dead, or publish a new
/// state over new arrays (growth, compaction, a passage's vector replaced), so a reader's state stays whole while it
/// searches; a passage removed meanwhile may or may not be in its results.
/// </summary>
internal sealed class VectorRows
{
    /// <summary>The id of a dead row: its passage was removed or given a new vector in a later row.</summary>
    public const int Dead = -1;

    // How far the computed bounds may be off by float rounding (of the approximate score, the bound itself and the
    // exact dot product); generous, as it only adds a few rows to rescore.
    private const float RoundingSlack = 1e-4f;

    public static readonly VectorRows Empty = new(0, 0, 0, [], [], [], [], [], new Dictionary<int, int>());

    public VectorRows(int dimensions, int used, int live, Half[] vectors, sbyte[] codes, float[] scales, float[] residuals, int[] ids, Dictionary<int, int> rowOf)
    {
        Dimensions = dimensions;
        Used = used;
        Live = live;
        Vectors = vectors;
        Codes = codes;
        Scales = scales;
        Residuals = residuals;
        Ids = ids;
        RowOf = rowOf;
    }

    /// <summary>Components per vector; 0 while nothing was stored.</summary>
    public int Dimensions { get; }

    /// <summary>Rows written, dead ones included.</summary>
    public int Used { get; }

    /// <summary>Rows whose passage has this vector.</summary>
    public int Live { get; }

    public int Capacity => Ids.Length;

    /// <summary>Normalised vectors, <see cref="Dimensions"/> half-precision floats per row.</summary>
    public Half[] Vectors { get; }

    /// <summary>The rows' 8-bit codes, <see cref="Dimensions"/> per row.</summary>
    public sbyte[] Codes { get; }

    /// <summary>Per row, what one code is worth.</summary>
    public float[] Scales { get; }

    /// <summary>Per row, the Euclidean length of the difference between the vector and its decoded codes.</summary>
    public float[] Residuals { get; }

    /// <summary>Per row, its passage id, or <see cref="Dead"/>.</summary>
    public int[] Ids { get; }

    /// <summary>Each live passage's row; never changed once published.</summary>
    public IReadOnlyDictionary<int, int> RowOf { get; }

    public ReadOnlySpan<Half> Vector(int row) => Vectors.AsSpan(row * Dimensions, Dimensions);

    public float? Similarity(int passageId, ReadOnlySpan<float> normalisedQuery) =>
        normalisedQuery.Length == Dimensions && RowOf.TryGetValue(passageId, out var row)
            ? Dot(row, normalisedQuery, VectorScratch.Current(Dimensions, 0).Row(Dimensions))
            : null;

    // The row widened into `buffer` (vectorised), then one dot product: what every exact score is.
    private float Dot(int row, ReadOnlySpan<float> query, Span<float> buffer)
    {
        TensorPrimitives.ConvertToSingle(Vector(row), buffer);
        return TensorPrimitives.Dot(buffer, query);
    }

    /// <summary>
    /// The <paramref name="count"/> rows most similar to <paramref name="query"/> (normalised), best first, ties to
    /// the lower passage id: exactly what scoring every row with its float vector would give. The first pass scores
    /// each row by its codes and keeps as candidates the rows whose similarity could still reach the top; the second
    /// scores those exactly.
    /// </summary>
    public List<(int PassageId, float Similarity)> Search(ReadOnlySpan<float> query, int count)
    {
        if (count <= 0 || Live == 0 || query.Length != Dimensions)
        {
            return [];
        }

        count = Math.Min(count, Live);
        var scratch = VectorScratch.Current(Dimensions, count);
        var queryCodes = scratch.QueryCodes.AsSpan(0, Dimensions);
        var (queryScale, queryResidual) = QuantizedVector.QuantiseQuery(query, queryCodes);
        var queryNorm = TensorPrimitives.Norm(query);

        // |v·q - decoded(v)·decoded(q)| <= |Δv|·|q| + |decoded(v)|·|Δq|, and |decoded(v)| <= |v| + |Δv| = 1 + |Δv|.
        var lowest = scratch.Lowest;
        lowest.Reset(count);
        var candidates = scratch.Candidates;
        candidates.Clear();
        var ids = Ids;
        var scales = Scales;
        var residuals = Residuals;
        var dimensions = Dimensions;
        var codes = Codes;
        for (var row = 0; row < Used; row++)
        {
            var id = ids[row];
            if (id == Dead)
            {
                continue;
            }

            var approximate = QuantizedVector.Dot(codes.AsSpan(row * dimensions, dimensions), queryCodes) * scales[row] * queryScale;
            var residual = residuals[row];
            var bound = (residual * queryNorm) + ((1 + residual) * queryResidual) + RoundingSlack;

            // Rows are kept while their best case reaches the count-th best worst case seen so far; that threshold
            // only rises, so a row left out here could not have made the top later.
            if (approximate + bound >= lowest.Threshold)
            {
                candidates.Add(row, id, approximate + bound);
            }

            lowest.Offer(row, approximate - bound);
        }

        var threshold = lowest.Threshold;
        var best = scratch.Best;
        best.Reset(count);
        var rows = candidates.Rows;
        var candidateIds = candidates.Ids;
        var upper = candidates.Upper;
        var buffer = scratch.Row(dimensions);
        for (var i = 0; i < rows.Length; i++)
        {
            if (upper[i] >= threshold)
            {
                best.Offer(candidateIds[i], Dot(rows[i], query, buffer));
            }
        }

        var found = best.Count;
        var bestIds = scratch.ResultIds(found);
        var bestScores = scratch.ResultScores(found);
        best.Drain(bestIds, bestScores);
        var results = new List<(int PassageId, float Similarity)>(found);
        for (var i = 0; i < found; i++)
        {
            results.Add((bestIds[i], (float)bestScores[i]));
        }

        return results;
    }
}
