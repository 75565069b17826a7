using BackgroundBot.Storage;

namespace BackgroundBot.Community;

public static class CommunityTransactions
{
    /// <summary>Community's writes in a transaction another feature opened.</summary>
    public static ICommunityWrites Community(this IStoreTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Writes<ICommunityWrites>();
    }
}
