namespace BackgroundBot.Benchmarks.Corpus;

/// <summary>Generated articles, their passages in order, and questions whose answer passage is known.</summary>
public sealed record SyntheticCorpus(IReadOnlyList<SyntheticArticle> Articles, IReadOnlyList<string> Passages, IReadOnlyList<BenchQuestion> Questions);
