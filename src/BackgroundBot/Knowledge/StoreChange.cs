namespace BackgroundBot.Knowledge;

/// <summary>What one committed transaction changed, for the in-memory index to follow.</summary>
/// <param name="Sequence">The change's number in the store's feed: each committed change gets the next one.</param>
public sealed record StoreChange(
    IReadOnlyList<Passage> PassagesAdded,
    IReadOnlyList<int> PassagesRetired,
    bool AliasesChanged,
    bool FactsChanged,
    long Sequence = 0)
{
    public bool IsEmpty => PassagesAdded.Count == 0 && PassagesRetired.Count == 0 && !AliasesChanged && !FactsChanged;
}
