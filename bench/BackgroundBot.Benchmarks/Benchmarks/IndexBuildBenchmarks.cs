using BackgroundBot.Benchmarks.Baseline;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Retrieval;
using BenchmarkDotNet.Attributes;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>Building the index from passages already in memory: analysis, postings, and (Lucene) the merge to one segment.</summary>
[LongRun]
public class IndexBuildBenchmarks
{
    private IReadOnlyList<string> _passages = [];
    private TextAnalyzer? _analyzer;

    [Params(1_000, 10_000, 100_000)]
    public int Passages { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _passages = CorpusGenerator.Generate(Passages).Passages;
        _analyzer = new TextAnalyzer();
    }

    [GlobalCleanup]
    public void CleanUp() => _analyzer?.Dispose();

    [Benchmark(Baseline = true)]
    public int Lucene()
    {
        using var lucene = new LuceneBaseline(_passages, storeText: false);
        return lucene.Count;
    }

    [Benchmark]
    public int BackgroundBot() => InMemoryBot.Build(_analyzer!, _passages).Count;
}
