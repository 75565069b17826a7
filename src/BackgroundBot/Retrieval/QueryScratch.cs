namespace BackgroundBot.Retrieval;

/// <summary>
/// The working memory of one search, kept per thread and reused, so a query allocates nothing that grows with the
/// index: the query's score per document, the top hits, and terms' scores by frequency and length.
/// </summary>
internal sealed class QueryScratch
{
    [ThreadStatic]
    private static QueryScratch? t_current;

    public SparseScores Total { get; } = new();

    public TopHits Top { get; } = new();

    private readonly List<TermScoreTable> _termScores = [];

    /// <summary>The <paramref name="index"/>-th score table of this query (tables are reused across queries).</summary>
    public TermScoreTable TermScores(int index)
    {
        while (_termScores.Count <= index)
        {
            _termScores.Add(new TermScoreTable());
        }

        return _termScores[index];
    }

    public static QueryScratch ForThisThread() => t_current ??= new QueryScratch();
}
