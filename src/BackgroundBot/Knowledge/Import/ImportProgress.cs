namespace BackgroundBot.Knowledge.Import;

/// <summary>Progress of one import: passages stored so far out of the total.</summary>
public readonly record struct ImportProgress(string File, int PassagesStored, int PassageCount);
