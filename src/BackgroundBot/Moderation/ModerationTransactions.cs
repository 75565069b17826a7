using BackgroundBot.Storage;

namespace BackgroundBot.Moderation;

public static class ModerationTransactions
{
    /// <summary>Moderation's writes in a transaction another feature opened.</summary>
    public static IModerationWrites Moderation(this IStoreTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Writes<IModerationWrites>();
    }
}
