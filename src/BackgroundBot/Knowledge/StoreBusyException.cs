namespace BackgroundBot.Knowledge;

/// <summary>Another process holds the store; the message names it, in one line.</summary>
public sealed class StoreBusyException(string storePath, StoreOwner? owner, Exception? inner = null)
    : Exception(Describe(storePath, owner), inner)
{
    public string StorePath { get; } = storePath;

    /// <summary>Who holds it, when its owner file says; null for a process that has not written it yet.</summary>
    public StoreOwner? Owner { get; } = owner;

    private static string Describe(string storePath, StoreOwner? owner) =>
        $"The fact store {storePath} is in use by {owner?.ToString() ?? "another BackgroundBot process"}; one process at a time may open it. "
        + "Stop that one first, or run this once it is done (`backup` works while the bot runs).";
}
