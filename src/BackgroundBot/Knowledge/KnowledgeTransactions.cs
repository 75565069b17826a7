using BackgroundBot.Storage;

namespace BackgroundBot.Knowledge;

public static class KnowledgeTransactions
{
    /// <summary>Knowledge's writes in a transaction another feature opened (an approval that adds a fact, an audited dismissal).</summary>
    public static IKnowledgeWrites Knowledge(this IStoreTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Writes<IKnowledgeWrites>();
    }
}
