using BackgroundBot.Benchmarks.Benchmarks;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Benchmarks.Reports;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Benchmarks;

/// <summary>
/// Runs each benchmark's code once on a tiny corpus, the way BenchmarkDotNet calls it (set-up, the measured method,
/// clean-up), so a change that breaks the suite fails the normal test run instead of the next benchmark session.
/// </summary>
public sealed class BenchmarkSmokeTests : IDisposable
{
    private const int Tiny = 60;

    private readonly TempFolder _cache = TempFolder.Create();
    private readonly string _previousCache = BenchStore.CacheFolder;
    private readonly int _previousPool = BenchVectors.PoolSize;

    public BenchmarkSmokeTests()
    {
        BenchStore.CacheFolder = _cache.Path;
        BenchVectors.PoolSize = 8;
    }

    [Fact]
    public void The_corpus_is_the_same_every_time_and_each_question_s_passage_holds_its_answer()
    {
        var corpus = CorpusGenerator.Generate(Tiny);
        var again = CorpusGenerator.Generate(Tiny);

        Assert.Equal(corpus.Passages, again.Passages);
        Assert.Equal(Tiny, corpus.Passages.Count);
        Assert.Equal(QueryBenchmarks.Questions, corpus.Questions.Count);
        Assert.All(corpus.Questions, q => Assert.Contains(q.AnswerSentence, corpus.Passages[q.AnswerPassage], StringComparison.Ordinal));
        Assert.All(corpus.Questions, q => Assert.Single(corpus.Passages, p => p.Contains(q.AnswerSentence, StringComparison.Ordinal)));
        Assert.All(corpus.Passages, p => Assert.InRange(p.Split(' ').Length, 60, 110));
        Assert.Contains(corpus.Questions, q => q.UsesOtherName);
    }

    [Fact]
    public async Task Gateway_dispatch_round_trips_through_the_fake_discord()
    {
        var gateway = new GatewayDispatchBenchmarks();
        await gateway.SetUpAsync();
        try
        {
            Assert.Equal(1, await gateway.About().WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(2, await gateway.Ask().WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            await gateway.CleanUpAsync();
        }
    }

    [Fact]
    public void Index_build_and_query_run_for_both_engines()
    {
        var build = new IndexBuildBenchmarks { Passages = Tiny };
        build.SetUp();
        Assert.Equal(Tiny, build.BackgroundBot());
        Assert.Equal(Tiny, build.Lucene());
        build.CleanUp();

        var query = new QueryBenchmarks { Passages = Tiny };
        query.SetUpBackgroundBot();
        query.SetUpLucene();
        Assert.True(query.BackgroundBot() > 0);
        Assert.True(query.Lucene() > 0);
        query.CleanUp();
    }

    [Fact]
    public async Task Import_ask_and_cold_start_run_against_a_real_store()
    {
        var import = new ImportBenchmarks { Passages = Tiny };
        import.SetUp();
        import.OpenEmptyStore();
        Assert.Equal(Tiny, import.Import());
        import.DeleteStore();

        foreach (var hybrid in new[] { false, true })
        {
            var ask = new AskBenchmarks { Passages = Tiny, Hybrid = hybrid };
            ask.SetUp();
            Assert.True(await ask.Ask() > 0, "no corpus question was answered");
            ask.CleanUp();
        }

        int live;
        using (var host = BenchStore.OpenHost(BenchStore.Ensure(Tiny), seed: true))
        {
            var store = host.Services.GetRequiredService<LiteDbStore>();
            live = store.ActivePassages().Count();
            Assert.Equal(live, store.EmbeddingsFor(BenchVectors.Model).Count);
        }

        Assert.True(live > Tiny, "the seed article's passages are missing");
        var lexicalStart = new ColdStartBenchmarks { Passages = Tiny, Hybrid = false };
        lexicalStart.SetUp();
        Assert.Equal(live, lexicalStart.OpenStoreAndBuildIndex());

        // Every passage found by words and by meaning, and the model not run at start (the benchmark throws if it was).
        var hybridStart = new ColdStartBenchmarks { Passages = Tiny, Hybrid = true };
        hybridStart.SetUp();
        Assert.Equal(2 * live, hybridStart.OpenStoreAndBuildIndex());
    }

    [Fact]
    public async Task The_meaning_aware_benchmarks_run_with_the_local_model()
    {
        var embedding = new EmbeddingBenchmarks();
        embedding.SetUp();
        Assert.Equal(QueryBenchmarks.Questions * 384, embedding.Question());
        Assert.Equal(384, await embedding.Passage());
        embedding.CleanUp();

        var search = new VectorSearchBenchmarks { Passages = Tiny };
        search.SetUp();
        Assert.Equal(QueryBenchmarks.Questions * VectorSearchBenchmarks.Top, search.TwoPass());
        Assert.Equal(search.Exhaustive(), search.TwoPass());

        var import = new EmbeddedImportBenchmarks { Articles = 2 };
        import.SetUp();
        import.OpenEmptyStore();
        Assert.InRange(import.ImportAndEmbed(), 10, 24);
        import.DeleteStore();
    }

    [Fact]
    public void The_quality_and_memory_reports_run()
    {
        var rows = QualityReport.Measure(Tiny, repetitions: 1, warmUp: TimeSpan.Zero);

        Assert.Equal(["BackgroundBot", "Lucene.Net"], rows.Select(r => r.Engine));
        Assert.All(rows, r => Assert.InRange(r.HitAt3, r.HitAt1, r.Questions));
        Assert.Contains(rows, r => r.HitAt3 > 0);

        foreach (var engine in WorkingSetReport.Engines)
        {
            using var output = new StringWriter();
            WorkingSetReport.MeasureHere(engine, Tiny, output);
            var fields = output.ToString().Trim().Split(' ');
            Assert.Equal(engine, fields[0]);
            Assert.All(fields.Skip(2), f => Assert.True(long.Parse(f, System.Globalization.CultureInfo.InvariantCulture) > 0));
        }
    }

    public void Dispose()
    {
        BenchStore.CacheFolder = _previousCache;
        BenchVectors.PoolSize = _previousPool;
        _cache.Dispose();
    }
}
