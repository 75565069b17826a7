namespace BackgroundBot.Moderation;

/// <summary>
/// A fact as a moderator writes it: the statement, its date or period, a topic, and its source: an article in the
/// store (optionally with the quote that supports it) or an outside URL.
/// </summary>
public sealed record FactDraft(
    string Statement,
    string Date,
    string Topic,
    string? DateEnd = null,
    int? ArticleId = null,
    string? SourceUrl = null,
    string? SourceTitle = null,
    string? Quote = null,
    string? ClaimedBy = null);
