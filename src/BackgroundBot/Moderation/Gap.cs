namespace BackgroundBot.Moderation;

/// <summary>
/// A question the bot declined as not covered, grouped with similar ones: what moderators should add next.
/// Of the askers only their ids are kept, nothing more.
/// </summary>
public sealed record Gap
{
    public int Id { get; init; }

    /// <summary>The question's analyzed terms, sorted; questions whose terms mostly overlap share a gap.</summary>
    public required IReadOnlyList<string> Terms { get; init; }

    /// <summary>The most recent wording asked.</summary>
    public required string Question { get; init; }

    public int Count { get; init; }
    public DateTimeOffset FirstAsked { get; init; }
    public DateTimeOffset LastAsked { get; init; }
    public IReadOnlyList<string> AskerIds { get; init; } = [];

    /// <summary>Set when a moderator dismissed the gap (an off-topic question): it is no longer listed as open.</summary>
    public DateTimeOffset? DismissedAt { get; init; }

    public string? DismissedBy { get; init; }
    public string? DismissReason { get; init; }
}
