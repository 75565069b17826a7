namespace BackgroundBot.Knowledge.Packs;

/// <summary>What loading a pack did, or every problem that stopped it (each with its location in the file).</summary>
public sealed record FactPackLoadResult(IReadOnlyList<string> Problems, int FactsAdded, int FactsKept, int AliasesAdded)
{
    public bool Succeeded => Problems.Count == 0;
}
