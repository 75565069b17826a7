namespace BackgroundBot.Knowledge;

/// <summary>One change to the store: who, when, what, with the state before and after as JSON.</summary>
public sealed record AuditEntry
{
    public int Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }

    /// <summary>What was done, e.g. <c>article.import</c>, <c>article.supersede</c>, <c>alias.add</c>.</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to, e.g. <c>article/3</c>.</summary>
    public required string Subject { get; init; }

    public string? Before { get; init; }
    public string? After { get; init; }

    /// <summary>For an undo: the audit entry it reverted, so the same change is never undone twice.</summary>
    public int? Undoes { get; init; }
}
