namespace BackgroundBot.Transfer;

/// <summary>
/// A provider's whole store as one provider-neutral <see cref="StoreSnapshot"/>, out and back: what <c>export</c>,
/// <c>import-pack</c> and <c>migrate-store</c> use, so a store moves between LiteDB and PostgreSQL unchanged.
/// </summary>
public interface IStoreSnapshots
{
    /// <summary>Where the store is, for messages (a file path, or a server and database without the password).</summary>
    string Path { get; }

    /// <summary>Every record, in id order.</summary>
    StoreSnapshot ReadSnapshot();

    /// <summary>True when the store holds no record that an import could collide with.</summary>
    bool IsEmpty();

    /// <summary>
    /// Writes <paramref name="snapshot"/> as it is, ids included, in one transaction, then reads the store back inside that
    /// transaction and hands it to <paramref name="verify"/>: when verify throws, nothing is committed.
    /// </summary>
    void Restore(StoreSnapshot snapshot, Action<StoreSnapshot> verify);
}
