using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Llm;
using BackgroundBot.Retrieval;
using BenchmarkDotNet.Attributes;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// The local model (arctic-embed-xs on ONNX Runtime, one intra-op thread, as the bot runs it): one question embedded
/// (with the instruction arctic puts in front of queries), and one corpus passage of 70 to 100 words. The model is
/// loaded in set-up; what loading costs is in the import and working-set figures.
/// </summary>
[ShortRun]
public class EmbeddingBenchmarks
{
    private IReadOnlyList<BenchQuestion> _questions = [];
    private IReadOnlyList<string> _passages = [];
    private LocalEmbeddingGenerator? _generator;
    private int _next;

    [GlobalSetup]
    public void SetUp()
    {
        var corpus = CorpusGenerator.Generate(1_000);
        _questions = corpus.Questions;
        _passages = corpus.Passages;
        _generator = new LocalEmbeddingGenerator(LocalEmbeddingModel.ArcticXs);
        _generator.EmbedQuery(_questions[0].Text, CancellationToken.None);
    }

    [GlobalCleanup]
    public void CleanUp() => _generator?.Dispose();

    [Benchmark(OperationsPerInvoke = QueryBenchmarks.Questions)]
    public int Question()
    {
        var dimensions = 0;
        foreach (var question in _questions)
        {
            dimensions += _generator!.EmbedQuery(question.Text, CancellationToken.None).Length;
        }

        return dimensions;
    }

    [Benchmark]
    public async Task<int> Passage()
    {
        var passage = _passages[_next++ % _passages.Count];
        return (await _generator!.GenerateAsync([passage]))[0].Vector.Length;
    }
}
