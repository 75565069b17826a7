using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Retrieval;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Import throughput: the articles of a 1,000-passage corpus imported one by one into a new LiteDB store (each
/// article read, split, stored and audited in one transaction), with the index following every import, as in the
/// running bot, by words only (<c>Embeddings:Provider=None</c>; <see cref="EmbeddedImportBenchmarks"/> adds the model).
/// </summary>
[LongRun]
public class ImportBenchmarks
{
    private IReadOnlyList<SyntheticArticle> _articles = [];
    private string? _folder;
    private IHost? _host;
    private ArticleImporter? _importer;

    [Params(1_000)]
    public int Passages { get; set; }

    [GlobalSetup]
    public void SetUp() => _articles = CorpusGenerator.Generate(Passages).Articles;

    [IterationSetup]
    public void OpenEmptyStore()
    {
        _folder = Path.Combine(Path.GetTempPath(), "backgroundbot-bench-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _host = BenchStore.OpenHost(Path.Combine(_folder, "store.db"), seed: false);
        _host.Services.GetRequiredService<Retriever>();
        _importer = _host.Services.GetRequiredService<ArticleImporter>();
    }

    [IterationCleanup]
    public void DeleteStore()
    {
        _host?.Dispose();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark]
    public int Import() => BenchStore.ImportAll(_importer!, _articles);
}
