namespace BackgroundBot.Knowledge;

/// <summary>What a citation shows about where a passage comes from: an imported article, or a curated fact's source.</summary>
/// <param name="Published"><c>YYYY-MM-DD</c>, or <c>YYYY-MM</c> / <c>YYYY</c> for sources known only that precisely.</param>
public sealed record SourceInfo(string Title, string? Url, string? Publisher, string? Published, int? ArticleId, int? FactId);
