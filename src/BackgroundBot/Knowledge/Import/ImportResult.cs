namespace BackgroundBot.Knowledge.Import;

/// <summary>What an import did, with a message a user can act on.</summary>
public sealed record ImportResult(
    ImportOutcome Outcome,
    string Message,
    Article? Article = null,
    IReadOnlyList<Passage>? Passages = null,
    Article? Replaced = null)
{
    public bool Succeeded => Outcome != ImportOutcome.Failed;
}
