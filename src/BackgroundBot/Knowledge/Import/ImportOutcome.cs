namespace BackgroundBot.Knowledge.Import;

public enum ImportOutcome
{
    /// <summary>A new article was stored.</summary>
    Imported,

    /// <summary>A changed article at a known URL was stored as a new revision; the old one's passages were retired.</summary>
    Revised,

    /// <summary>The same content is already in the store; nothing was written.</summary>
    Unchanged,

    /// <summary>The file was refused or the import was interrupted; nothing was written.</summary>
    Failed,
}
