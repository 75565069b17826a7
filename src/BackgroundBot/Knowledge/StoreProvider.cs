namespace BackgroundBot.Knowledge;

/// <summary>The database behind every feature's store (<c>Store:Provider</c>).</summary>
public enum StoreProvider
{
    /// <summary>One LiteDB file, embedded: nothing to install, one process at a time.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database, which several instances of the bot share.</summary>
    PostgreSql,
}
