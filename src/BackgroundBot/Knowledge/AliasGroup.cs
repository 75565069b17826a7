namespace BackgroundBot.Knowledge;

/// <summary>Names for one place, party or organisation (Stepanakert / Khankendi).</summary>
public sealed record AliasGroup
{
    public int Id { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
    public AliasKind Kind { get; init; } = AliasKind.Place;

    /// <summary>
    /// Each name is used by one side, so answers give both ("Stepanakert (Khankendi)").
    /// False for spelling variants and abbreviations.
    /// </summary>
    public bool ShowBoth { get; init; }

    public string? Note { get; init; }
}
