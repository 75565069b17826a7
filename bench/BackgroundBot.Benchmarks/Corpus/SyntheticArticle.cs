namespace BackgroundBot.Benchmarks.Corpus;

/// <summary>A generated news article: each paragraph is about 80 words and becomes exactly one stored passage.</summary>
public sealed record SyntheticArticle(string Title, string Url, DateOnly Published, IReadOnlyList<string> Paragraphs, int FirstPassage);
