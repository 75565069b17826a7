namespace BackgroundBot.Storage;

/// <summary>
/// One open transaction of the store, shared by every feature: a change that touches two features (a suggestion
/// approved into a fact) commits whole or not at all. Each feature reaches its own writes through it.
/// </summary>
public interface IStoreTransaction
{
    /// <summary>The writes of one feature (<c>IKnowledgeWrites</c>, <c>IModerationWrites</c> …) in this transaction.</summary>
    TWrites Writes<TWrites>()
        where TWrites : class;
}
