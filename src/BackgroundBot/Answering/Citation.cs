namespace BackgroundBot.Answering;

/// <summary>Source <c>[N]</c> of an answer: the passage cited and the article it comes from.</summary>
public sealed record Citation(
    int N,
    int PassageId,
    int ArticleId,
    string ArticleTitle,
    string? Url,
    DateOnly? Published,
    string Quote);
