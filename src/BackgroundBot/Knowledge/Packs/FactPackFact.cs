namespace BackgroundBot.Knowledge.Packs;

/// <summary>One fact of a pack, in the project's own words, with the id of the source that states it.</summary>
public sealed record FactPackFact
{
    public string? Key { get; init; }
    public string? Statement { get; init; }
    public string? Date { get; init; }
    public string? DateEnd { get; init; }
    public string? Topic { get; init; }
    public IReadOnlyList<string>? Places { get; init; }
    public IReadOnlyList<string>? Parties { get; init; }
    public string? ClaimedBy { get; init; }

    /// <summary>Shared by the accounts of one disputed event (each with its <see cref="ClaimedBy"/>).</summary>
    public string? Dispute { get; init; }
    public string? Source { get; init; }

    /// <summary>A short excerpt of the source, for reviewers; not shown to users.</summary>
    public string? Evidence { get; init; }
}
