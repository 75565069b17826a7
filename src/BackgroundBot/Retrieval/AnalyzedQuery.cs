namespace BackgroundBot.Retrieval;

/// <summary>A question reduced to what it asks about.</summary>
public sealed record AnalyzedQuery(string Question, IReadOnlyList<QueryGroup> Groups)
{
    public bool IsEmpty => Groups.Count == 0;
}
