using BackgroundBot.Storage;

namespace BackgroundBot.Sessions;

public static class SessionTransactions
{
    /// <summary>Sessions' writes in a transaction another feature opened.</summary>
    public static ISessionWrites Sessions(this IStoreTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Writes<ISessionWrites>();
    }
}
