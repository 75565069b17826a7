namespace BackgroundBot.Knowledge.Packs;

/// <summary>
/// A curated fact pack as shipped in JSON (<c>Data/pack/starter-pack.json</c>; the format is documented in
/// <c>docs/fact-pack.md</c>): sources, aliases, and facts that each name one source by id.
/// </summary>
public sealed record FactPack
{
    public const string FormatName = "backgroundbot-pack";
    public const int CurrentVersion = 1;

    public string? Format { get; init; }
    public int Version { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<FactPackSource>? Sources { get; init; }
    public IReadOnlyList<AliasGroup>? Aliases { get; init; }
    public IReadOnlyList<FactPackFact>? Facts { get; init; }
}
