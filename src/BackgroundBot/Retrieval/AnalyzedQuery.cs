namespace BackgroundBot.Retrieval;

/// <summary>A question reduced to what it asks about.</summary>
/// <param name="Context">The previous question of a follow-up, which the question's meaning is read with.</param>
public sealed record AnalyzedQuery(string Question, IReadOnlyList<QueryGroup> Groups, string? Context = null)
{
    /// <summary>What is embedded to search by meaning: "And who monitored it?" means nothing without its context.</summary>
    public string MeaningText => Context is null ? Question : $"{Context} {Question}";

    public bool IsEmpty => Groups.Count == 0;
}
