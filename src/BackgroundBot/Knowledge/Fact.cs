namespace BackgroundBot.Knowledge;

/// <summary>A curated statement with its date, topic and citations.</summary>
public sealed record Fact
{
    public int Id { get; init; }

    /// <summary>Stable key for facts that come from a pack, so a pack can be re-loaded without duplicates.</summary>
    public string? Key { get; init; }

    public required string Statement { get; init; }

    /// <summary>A date or the start of a period: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public string? Date { get; init; }

    public string? DateEnd { get; init; }
    public required string Topic { get; init; }
    public IReadOnlyList<string> Places { get; init; } = [];
    public IReadOnlyList<string> Parties { get; init; } = [];

    /// <summary>Whose account this is, where the sides dispute it; null when undisputed.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>
    /// Links the accounts of one disputed event: facts with the same key are the sides' accounts, and an answer that
    /// cites one of them also gives the others.
    /// </summary>
    public string? Dispute { get; init; }

    /// <summary>The passage that holds this fact's statement for retrieval; a new one on every edit.</summary>
    public int? PassageId { get; init; }

    /// <summary>Passages that support the fact.</summary>
    public IReadOnlyList<int> Citations { get; init; } = [];

    /// <summary>An external source, for facts curated from outside the imported articles.</summary>
    public FactSource? Source { get; init; }

    public FactStatus Status { get; init; } = FactStatus.Active;
    public string? RetractionReason { get; init; }

    /// <summary>Bumped on every change, so two moderators editing at once cannot silently overwrite each other.</summary>
    public int Version { get; init; } = 1;
}
