using BackgroundBot.Answering;
using BackgroundBot.Cli;
using BackgroundBot.Knowledge;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.LiteDb;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>A real LiteDB fact store in a temp folder, wired exactly as the CLI wires it, on a fake clock.</summary>
public sealed class TestStore : IDisposable
{
    private readonly IHost _host;

    public static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <param name="seed">Seed the new store with the bundled article and aliases, as a first run does.</param>
    /// <param name="pack">Also load the bundled starter fact pack (the product does; most tests keep to the seed article).</param>
    public TestStore(bool seed = true, IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null, bool pack = false)
    {
        Folder = TempFolder.Create();
        DbPath = Path.Combine(Folder.Path, "store.db");
        Time = time ?? new FakeTimeProvider(Start);
        var builder = BotHost.CreateBuilder(DbPath);
        var overrides = new Dictionary<string, string?>
        {
            ["Store:SeedOnFirstRun"] = seed ? "true" : "false",
            ["Store:SeedPack"] = pack ? "true" : "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddSingleton<TimeProvider>(Time);
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        Services.GetRequiredService<StoreSeeder>().EnsureSeeded();
    }

    public TempFolder Folder { get; }

    public string DbPath { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public LiteDbStore Store => Services.GetRequiredService<LiteDbStore>();

    public ArticleImporter Importer => Services.GetRequiredService<ArticleImporter>();

    public Retriever Retriever => Services.GetRequiredService<Retriever>();

    public ExtractiveAnswerer Answerer => Services.GetRequiredService<ExtractiveAnswerer>();

    /// <summary>The answerer the host chose: generative when an Llm section is configured.</summary>
    public IAnswerer ConfiguredAnswerer => Services.GetRequiredService<IAnswerer>();

    public GroundedAnswer Ask(string question, string? previous = null)
    {
        var result = Answerer.AskAsync(new AskRequest(question, previous), CancellationToken.None).GetAwaiter().GetResult();
        Assert.True(result.Answer is not null, $"'{question}' was refused as invalid: {result.Error}");
        return result.Answer!;
    }

    /// <summary>Writes a file into the temp folder and imports it.</summary>
    public ImportResult Import(string fileName, string content, ArticleMetadata? overrides = null, string actor = "test:moderator") =>
        Importer.ImportFile(Folder.Write(fileName, content), overrides, actor);

    public void Dispose()
    {
        _host.Dispose();
        Folder.Dispose();
    }
}
