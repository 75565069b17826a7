using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Llm;
using BackgroundBot.Retrieval;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Import throughput with the local model, as the bot imports by default: each article imported in one
/// transaction, the word index following, and every new passage embedded (for real) and its vector stored as the
/// commit lands. The first 24 articles of the 1k corpus (about 200 passages: the model costs
/// tens of milliseconds a passage, so the whole corpus would take minutes per iteration). The model is loaded in
/// set-up.
/// </summary>
[LongRun]
public class EmbeddedImportBenchmarks
{
    private IReadOnlyList<SyntheticArticle> _articles = [];
    private string? _folder;
    private IHost? _host;
    private ArticleImporter? _importer;

    [Params(24)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _articles = CorpusGenerator.Generate(1_000).Articles.Take(Articles).ToList();
        using var generator = new LocalEmbeddingGenerator(LocalEmbeddingModel.ArcticXs);
        generator.EmbedQuery("warm-up", CancellationToken.None);
    }

    [IterationSetup]
    public void OpenEmptyStore()
    {
        _folder = Path.Combine(Path.GetTempPath(), "backgroundbot-bench-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _host = BenchStore.OpenHost(Path.Combine(_folder, "store.db"), seed: false, meaning: true);
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

    /// <returns>How many passages were imported and embedded.</returns>
    [Benchmark]
    public int ImportAndEmbed()
    {
        var passages = BenchStore.ImportAll(_importer!, _articles);
        var embedded = _host!.Services.GetRequiredService<SemanticSearch>().Count;
        return embedded == passages ? passages : throw new InvalidOperationException($"{passages} passages imported but {embedded} embedded.");
    }
}
