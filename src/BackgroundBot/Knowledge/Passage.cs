namespace BackgroundBot.Knowledge;

/// <summary>
/// A run of whole sentences of an article; the unit that answers cite.
/// <see cref="Text"/> is exactly <c>article.Text.Substring(Start, Length)</c>.
/// </summary>
public sealed record Passage
{
    public int Id { get; init; }
    public int ArticleId { get; init; }
    public int Ordinal { get; init; }
    public required string Text { get; init; }
    public int Start { get; init; }
    public int Length { get; init; }

    /// <summary>
    /// Set when the passage is a curated fact's statement rather than article text (<see cref="ArticleId"/> is then 0),
    /// so facts are retrieved and cited like any passage.
    /// </summary>
    public int? FactId { get; init; }

    /// <summary>Retired passages (superseded or removed article) are never retrieved or cited again.</summary>
    public bool Retired { get; init; }
}
