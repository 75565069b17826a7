namespace BackgroundBot.Retrieval;

/// <summary>
/// The working memory of one search, kept per thread and reused, so a query allocates nothing that grows with the
/// index: scores of the alternative being summed, of the group (best alternative), of the query, and the top hits.
/// </summary>
internal sealed class QueryScratch
{
    [ThreadStatic]
    private static QueryScratch? t_current;

    public SparseScores Alternative { get; } = new();

    public SparseScores Group { get; } = new();

    public SparseScores Total { get; } = new();

    public TopHits Top { get; } = new();

    public static QueryScratch ForThisThread() => t_current ??= new QueryScratch();
}
