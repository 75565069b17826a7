namespace BackgroundBot.Retrieval;

/// <summary>
/// The working memory of one vector search, kept per thread and reused, so a search allocates only its results:
/// the question's codes, the two heaps and the candidate rows.
/// </summary>
internal sealed class VectorScratch
{
    [ThreadStatic]
    private static VectorScratch? t_current;

    private int[] _resultIds = new int[16];
    private double[] _resultScores = new double[16];

    private float[] _row = [];

    public short[] QueryCodes { get; private set; } = [];

    /// <summary>The best worst cases seen (by row), whose threshold decides which rows stay candidates.</summary>
    public TopHits Lowest { get; } = new();

    /// <summary>The exact best (by passage id).</summary>
    public TopHits Best { get; } = new();

    public VectorCandidates Candidates { get; } = new();

    public static VectorScratch Current(int dimensions, int count)
    {
        var scratch = t_current ??= new VectorScratch();
        if (scratch.QueryCodes.Length < dimensions)
        {
            scratch.QueryCodes = new short[dimensions];
        }

        if (scratch._resultIds.Length < count)
        {
            scratch._resultIds = new int[count];
            scratch._resultScores = new double[count];
        }

        return scratch;
    }

    /// <summary>A stored row widened to single precision for its exact score.</summary>
    public Span<float> Row(int dimensions)
    {
        if (_row.Length < dimensions)
        {
            _row = new float[dimensions];
        }

        return _row.AsSpan(0, dimensions);
    }

    public Span<int> ResultIds(int count) => _resultIds.AsSpan(0, count);

    public Span<double> ResultScores(int count) => _resultScores.AsSpan(0, count);
}
