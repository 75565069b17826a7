using BackgroundBot.Storage;

namespace BackgroundBot.Moderation;

/// <summary>Moderation's writes inside one transaction: the review queue, pending imports and gaps.</summary>
public interface IModerationWrites : IStoreTransaction
{
    /// <summary>Stores a new suggestion (id 0 gets the next id) or saves a changed one.</summary>
    Suggestion PutSuggestion(Suggestion suggestion);

    void PutPendingImport(PendingImport pending);

    /// <summary>Removes and returns a pending import, so Confirm and Cancel each act once.</summary>
    PendingImport? TakePendingImport(string id);

    /// <summary>Deletes the pending imports created before <paramref name="cutoff"/> (expired previews); returns how many.</summary>
    int PurgePendingImports(DateTimeOffset cutoff);

    /// <summary>Stores a new or updated gap; not audited, since it records questions, not curation.</summary>
    Gap PutGap(Gap gap);

    /// <summary>Stores a server's settings; empty settings are removed, so the configured defaults apply again. Audited by the caller.</summary>
    void PutGuildSettings(GuildSettings settings);
}
