namespace BackgroundBot.Knowledge;

public sealed record FactSource
{
    public required string Title { get; init; }
    public string? Publisher { get; init; }
    public string? Url { get; init; }

    /// <summary><c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public string? Published { get; init; }
}
