using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Retrieval;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Start-up: build the host, open the LiteDB store and build the index from its live passages, measured as the
/// first call in a fresh process (so JIT and first file reads count, as they do when the bot starts). <c>Hybrid</c>
/// (the default configuration) also loads every stored vector into the vector index; the model itself must not be
/// loaded (it is, on the first question), and the run fails if it was.
/// </summary>
[ColdRun]
public class ColdStartBenchmarks
{
    private string? _path;

    [Params(10_000)]
    public int Passages { get; set; }

    [Params(false, true)]
    public bool Hybrid { get; set; }

    // The store is built before the run (Program prepares it), so this only finds its path.
    [GlobalSetup]
    public void SetUp() => _path = BenchStore.Ensure(Passages);

    /// <returns>How many passages are indexed by words, plus (hybrid) how many by meaning.</returns>
    [Benchmark]
    public int OpenStoreAndBuildIndex()
    {
        using var host = BenchStore.OpenHost(_path!, seed: true, meaning: Hybrid);
        var indexed = host.Services.GetRequiredService<Retriever>().Index.Count;
        if (!Hybrid)
        {
            return indexed;
        }

        var semantic = host.Services.GetRequiredService<SemanticSearch>();
        return semantic.LocalModelHasRun
            ? throw new InvalidOperationException("Start-up ran the embedding model; it should load on the first question.")
            : indexed + semantic.Count;
    }
}
