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
/// <c>Hybrid</c>: as the bot runs by default, the question is also embedded with the local model (for real) and
/// searched by meaning among the stored vectors, fused with the words' ranking; otherwise by words only
/// (<c>Embeddings:Provider=None</c>).
/// </summary>
[ShortRun]
public class AskBenchmarks
{
    private IReadOnlyList<BenchQuestion> _questions = [];
    private string? _folder;
    private IHost? _host;
    private ExtractiveAnswerer? _answerer;

    [Params(10_000, 100_000)]
    public int Passages { get; set; }

    [Params(false, true)]
    public bool Hybrid { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _questions = CorpusGenerator.Generate(Passages).Questions;
        _folder = Path.Combine(Path.GetTempPath(), "backgroundbot-bench-ask", Guid.NewGuid().ToString("N"));
        _host = BenchStore.OpenHost(BenchStore.CopyOf(Passages, _folder), seed: true, meaning: Hybrid);
        _answerer = _host.Services.GetRequiredService<ExtractiveAnswerer>();

        // The model loads on the first question; that belongs to start-up, not to every ask.
        _answerer.AskAsync(new AskRequest(_questions[0].Text), CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _host?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(OperationsPerInvoke = QueryBenchmarks.Questions)]
    public async Task<int> Ask()
    {
        var grounded = 0;
        foreach (var question in _questions)
        {
            if ((await _answerer!.AskAsync(new AskRequest(question.Text), CancellationToken.None)).Answer is { Grounded: true })
            {
                grounded++;
            }
        }

        return grounded;
    }
}
