namespace BackgroundBot.Moderation;

/// <summary>An article a moderator uploaded and is previewing; stored only when they press Confirm.</summary>
public sealed record PendingImport
{
    public required string Id { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public string? Title { get; init; }
    public string? Url { get; init; }
    public string? Published { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
