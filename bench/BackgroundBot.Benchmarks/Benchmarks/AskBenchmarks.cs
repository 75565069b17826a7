using BackgroundBot.Answering;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// End-to-end extractive <c>ask</c> against a real LiteDB store, wired as the CLI wires it: question guard, analysis,
/// retrieval, sentence selection, citations (read from the store) and place names. One operation is one question.
/// </summary>
[ShortRun]
public class AskBenchmarks
{
    private IReadOnlyList<BenchQuestion> _questions = [];
    private IHost? _host;
    private ExtractiveAnswerer? _answerer;

    [Params(10_000, 100_000)]
    public int Passages { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _questions = CorpusGenerator.Generate(Passages).Questions;
        _host = BenchStore.OpenHost(BenchStore.Ensure(Passages), seed: true);
        _answerer = _host.Services.GetRequiredService<ExtractiveAnswerer>();
    }

    [GlobalCleanup]
    public void CleanUp() => _host?.Dispose();

    [Benchmark(OperationsPerInvoke = QueryBenchmarks.Questions)]
    public int Ask()
    {
        var grounded = 0;
        foreach (var question in _questions)
        {
            if (_answerer!.Ask(new AskRequest(question.Text)).Answer is { Grounded: true })
            {
                grounded++;
            }
        }

        return grounded;
    }
}
