namespace BackgroundBot.Knowledge.Import;

/// <summary>An article read from a file: metadata from its headers (or HTML), and its text as blocks.</summary>
public sealed record ParsedArticle
{
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Published { get; init; }
    public required IReadOnlyList<TextBlock> Blocks { get; init; }
    public required string SourceFile { get; init; }
}
