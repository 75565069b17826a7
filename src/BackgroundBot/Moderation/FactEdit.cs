using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// A change to a fact: only the fields set here change, everything else (source, its date, citations) is kept.
/// <see cref="Quote"/> on its own re-cites the fact's source article; with <see cref="ArticleId"/> it cites that one.
/// </summary>
public sealed record FactEdit
{
    public string? Statement { get; init; }
    public string? Date { get; init; }
    public string? DateEnd { get; init; }
    public string? Topic { get; init; }
    public string? ClaimedBy { get; init; }
    public int? ArticleId { get; init; }
    public string? SourceUrl { get; init; }
    public string? SourceTitle { get; init; }
    public string? Quote { get; init; }

    /// <summary>
    /// The fields of a whole draft (a Discord form, an approved correction) that differ from <paramref name="current"/>;
    /// blank fields and a source URL the fact already has are no change.
    /// </summary>
    public static FactEdit From(FactDraft draft, Knowledge.Fact current)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(current);
        return new FactEdit
        {
            Statement = Changed(draft.Statement, current.Statement),
            Date = Changed(draft.Date, current.Date),
            DateEnd = Changed(draft.DateEnd, current.DateEnd),
            Topic = Changed(draft.Topic, current.Topic),
            ClaimedBy = Changed(draft.ClaimedBy, current.ClaimedBy),
            ArticleId = draft.ArticleId,
            SourceUrl = draft.ArticleId is null ? Changed(draft.SourceUrl, current.Source?.Url) : null,
            SourceTitle = Changed(draft.SourceTitle, current.Source?.Title),
            Quote = string.IsNullOrWhiteSpace(draft.Quote) ? null : draft.Quote,
        };
    }

    private static string? Changed(string? value, string? current) =>
        string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), current, StringComparison.Ordinal) ? null : value.Trim();
}
