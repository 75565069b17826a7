using BackgroundBot.Benchmarks.Baseline;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Llm;
using BackgroundBot.Retrieval;
using BenchmarkDotNet.Attributes;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Vector top-k: the 20 corpus questions (embedded with the real model in set-up) against the corpus passages'
/// vectors (stand-ins drawn from real ones, see <see cref="BenchVectors"/>), the top 20 (what a hybrid ask asks of
/// it). One operation is one question. <c>Exhaustive</c> scores every float row; <c>TwoPass</c> is the bot's
/// <see cref="Retrieval.VectorIndex"/>, which returns the same ranking.
/// </summary>
[ShortRun]
public class VectorSearchBenchmarks
{
    public const int Top = 20;

    private IReadOnlyList<float[]> _questions = [];
    private VectorIndex? _index;
    private ExhaustiveVectors? _exhaustive;

    [Params(10_000, 100_000)]
    public int Passages { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var corpus = CorpusGenerator.Generate(Passages);
        var pool = BenchVectors.Pool();
        var vectors = corpus.Passages.Select(p => BenchVectors.StandIn(p, pool)).ToList();
        using (var generator = new LocalEmbeddingGenerator(LocalEmbeddingModel.ArcticXs))
        {
            _questions = corpus.Questions.Select(q => VectorIndex.Normalise(generator.EmbedQuery(q.Text, CancellationToken.None).ToArray())).ToList();
        }

        _index = new VectorIndex();
        _index.Set(vectors.Select((v, i) => (i + 1, v)).ToList());
        _exhaustive = new ExhaustiveVectors(vectors);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = QueryBenchmarks.Questions)]
    public int Exhaustive()
    {
        var found = 0;
        foreach (var question in _questions)
        {
            found += _exhaustive!.Search(question, Top).Count;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = QueryBenchmarks.Questions)]
    public int TwoPass()
    {
        var found = 0;
        foreach (var question in _questions)
        {
            found += _index!.Search(question, Top).Count;
        }

        return found;
    }
}
