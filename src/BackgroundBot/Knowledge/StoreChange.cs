namespace BackgroundBot.Knowledge;

/// <summary>What one committed transaction changed, for the in-memory index to follow.</summary>
public sealed record StoreChange(
    IReadOnlyList<Passage> PassagesAdded,
    IReadOnlyList<int> PassagesRetired,
    bool AliasesChanged,
    bool FactsChanged);
