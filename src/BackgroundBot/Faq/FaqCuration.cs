namespace BackgroundBot.Faq;

/// <summary>
/// A moderator's curation of one FAQ entry, keyed by the entry's question in normal form (<see cref="FaqBuilder.Normalise"/>):
/// pinned entries stay on top, hidden ones are gone, a wording replaces the members' most-asked one.
/// </summary>
public sealed record FaqCuration
{
    public required string Id { get; init; }
    public bool Pinned { get; init; }
    public bool Hidden { get; init; }
    public string? Wording { get; init; }
    public required string By { get; init; }
    public required DateTimeOffset At { get; init; }
}
