namespace BackgroundBot.Retrieval;

/// <summary>
/// The working memory of one search, kept per thread and reused, so a query allocates nothing that grows with the
/// index: the query's score per document, and the top hits.
/// </summary>
internal sealed class QueryScratch
{
    [ThreadStatic]
    private static QueryScratch? t_current;

    public SparseScores Total { get; } = new();

    public TopHits Top { get; } = new();

    public static QueryScratch ForThisThread() => t_current ??= new QueryScratch();
}
