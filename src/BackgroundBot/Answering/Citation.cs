namespace BackgroundBot.Answering;

/// <summary>Source <c>[N]</c> of an answer: the passage cited and the article it comes from.</summary>
/// <param name="ArticleId">The article the passage is from; null when the passage is a curated fact.</param>
/// <param name="FactId">The curated fact cited, when the passage is a fact's statement.</param>
/// <param name="Published"><c>YYYY-MM-DD</c>, or less precise for some fact sources.</param>
public sealed record Citation(
    int N,
    int PassageId,
    int? ArticleId,
    string ArticleTitle,
    string? Url,
    string? Published,
    string Quote,
    int? FactId = null);
