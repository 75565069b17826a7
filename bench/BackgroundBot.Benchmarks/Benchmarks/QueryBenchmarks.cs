using BackgroundBot.Benchmarks.Baseline;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Query latency: the 20 corpus questions, top 10, question analysis included (ours: analyzer and alias expansion;
/// Lucene's: English analyzer into an OR query). One operation is one question (the set divided by 20).
/// </summary>
[ShortRun]
public class QueryBenchmarks
{
    public const int Questions = 20;

    private IReadOnlyList<BenchQuestion> _questions = [];
    private InMemoryBot? _bot;
    private LuceneBaseline? _lucene;

    [Params(1_000, 10_000, 100_000)]
    public int Passages { get; set; }

    [GlobalSetup(Target = nameof(BackgroundBot))]
    public void SetUpBackgroundBot()
    {
        var corpus = Generate();
        _bot = new InMemoryBot(corpus.Passages);
    }

    [GlobalSetup(Target = nameof(Lucene))]
    public void SetUpLucene()
    {
        var corpus = Generate();
        _lucene = new LuceneBaseline(corpus.Passages, storeText: false);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _bot?.Dispose();
        _lucene?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Questions)]
    public int Lucene()
    {
        var found = 0;
        foreach (var question in _questions)
        {
            found += _lucene!.Search(question.Text, 10).ScoreDocs.Length;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Questions)]
    public int BackgroundBot()
    {
        var found = 0;
        foreach (var question in _questions)
        {
            found += _bot!.Search(question.Text, 10).Count;
        }

        return found;
    }

    private SyntheticCorpus Generate()
    {
        var corpus = CorpusGenerator.Generate(Passages);
        if (corpus.Questions.Count != Questions)
        {
            throw new InvalidOperationException($"The corpus has {corpus.Questions.Count} questions; OperationsPerInvoke assumes {Questions}.");
        }

        _questions = corpus.Questions;
        return corpus;
    }
}
