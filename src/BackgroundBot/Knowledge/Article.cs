namespace BackgroundBot.Knowledge;

/// <summary>One imported revision of an article. A changed article at the same URL is a new revision.</summary>
public sealed record Article
{
    public int Id { get; init; }
    public required string Title { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public DateOnly? Published { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
    public required string ImportedBy { get; init; }
    public required string ContentHash { get; init; }
    public string? SourceFile { get; init; }

    /// <summary>The article's text as passages index into it: headers removed, markup reduced to text.</summary>
    public required string Text { get; init; }

    public int Revision { get; init; } = 1;

    /// <summary>The article this revision replaced, if any.</summary>
    public int? Supersedes { get; init; }

    public ArticleStatus Status { get; init; } = ArticleStatus.Active;
    public string? StatusReason { get; init; }
}
