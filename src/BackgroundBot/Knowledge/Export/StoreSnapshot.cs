namespace BackgroundBot.Knowledge.Export;

/// <summary>
/// The whole curated store as <c>export</c> writes it (format documented in <c>docs/export-format.md</c>):
/// every record with its id, in id order, so two exports diff line by line. Embeddings (derived, recomputed by
/// <c>embeddings</c>) and gaps (operational, they hold asker ids) are not part of it.
/// </summary>
public sealed record StoreSnapshot
{
    public const string FormatName = "backgroundbot-export";
    public const int CurrentVersion = 1;

    public string? Format { get; init; }
    public int Version { get; init; }
    public int SchemaVersion { get; init; }
    public IReadOnlyList<Article>? Articles { get; init; }
    public IReadOnlyList<Passage>? Passages { get; init; }
    public IReadOnlyList<Fact>? Facts { get; init; }
    public IReadOnlyList<AliasGroup>? Aliases { get; init; }
    public IReadOnlyList<AuditEntry>? Audit { get; init; }
}
