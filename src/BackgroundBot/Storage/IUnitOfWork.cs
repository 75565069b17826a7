namespace BackgroundBot.Storage;

/// <summary>The store's one unit of work: every feature's writes in one transaction.</summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: everything it writes commits together, and any exception
    /// (cancellation included) rolls all of it back.
    /// </summary>
    T Write<T>(Func<IStoreTransaction, T> work);
}
