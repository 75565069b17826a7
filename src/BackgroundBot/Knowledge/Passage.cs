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

    /// <summary>Retired passages (superseded or removed article) are never retrieved or cited again.</summary>
    public bool Retired { get; init; }
}
