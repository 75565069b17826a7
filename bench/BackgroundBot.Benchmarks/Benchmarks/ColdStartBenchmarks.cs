using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Retrieval;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Start-up: build the host, open the LiteDB store and build the index from its live passages, measured as the
/// first call in a fresh process (so JIT and first file reads count, as they do when the bot starts).
/// </summary>
[ColdRun]
public class ColdStartBenchmarks
{
    private string? _path;

    [Params(10_000)]
    public int Passages { get; set; }

    // The store is built before the run (Program prepares it), so this only finds its path.
    [GlobalSetup]
    public void SetUp() => _path = BenchStore.Ensure(Passages);

    [Benchmark]
    public int OpenStoreAndBuildIndex()
    {
        using var host = BenchStore.OpenHost(_path!, seed: true);
        return host.Services.GetRequiredService<Retriever>().Index.Count;
    }
}
