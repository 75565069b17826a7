namespace BackgroundBot.Moderation;

/// <summary>Moderation's records: suggestions and reports (the review queue), pending imports, gaps and each server's settings.</summary>
public interface IModerationStore
{
    /// <summary>Runs <paramref name="work"/> in one transaction of the shared unit of work (see <see cref="Storage.IUnitOfWork"/>).</summary>
    T Write<T>(Func<IModerationWrites, T> work);

    Suggestion? FindSuggestion(int id);

    IReadOnlyList<Suggestion> ListSuggestions(SuggestionStatus? status = null);

    Gap? FindGap(int id);

    /// <summary>Every gap, the most asked first.</summary>
    IReadOnlyList<Gap> ListGaps();

    /// <summary>The ids of the pending imports, oldest first (each holds its whole upload, so only ids are read).</summary>
    IReadOnlyList<string> PendingImportIds();

    /// <summary>What one server set with <c>/settings</c>; null when it set nothing.</summary>
    GuildSettings? FindGuildSettings(string guildId);
}
