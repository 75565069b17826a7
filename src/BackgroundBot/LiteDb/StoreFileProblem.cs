namespace BackgroundBot.LiteDb;

/// <summary>Why a file cannot be opened as a store: not a LiteDB store at all, or one that is damaged.</summary>
public sealed record StoreFileProblem(bool Damaged, string Reason);
