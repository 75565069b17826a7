namespace BackgroundBot.Knowledge;

/// <summary>
/// The feed of committed knowledge changes (passages added and retired, aliases and facts changed), each with its
/// sequence number, which the store keeps and only ever increases. The in-memory index follows it.
/// </summary>
public interface IStoreChanges
{
    /// <summary>
    /// The sequence number of the last change published here (0 for a store never changed). With a store shared by several
    /// instances, a change another instance committed counts once this one has caught up on it.
    /// </summary>
    long Sequence { get; }

    /// <summary>
    /// Calls <paramref name="observer"/> with every change committed from now on (by this instance or, on a shared store,
    /// any other), in sequence order, after it is committed. An observer that throws is logged; the write stands and the other observers still see it.
    /// </summary>
    /// <returns>Dispose to stop observing.</returns>
    IDisposable Subscribe(Action<StoreChange> observer);
}
