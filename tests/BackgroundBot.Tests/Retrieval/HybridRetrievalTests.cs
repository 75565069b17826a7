using BackgroundBot.Cli;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Retrieval;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Tests.ScriptedOpenAi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Retrieval;

/// <summary>Hybrid retrieval through Semantic Kernel's embeddings connector against the scripted server.</summary>
public sealed class HybridRetrievalTests : IAsyncLifetime
{
    private readonly TempFolder _folder = TempFolder.Create();
    private ScriptedOpenAiServer _server = null!;

    private string Db => Path.Combine(_folder.Path, "bot.db");

    public async Task InitializeAsync()
    {
        _server = await ScriptedOpenAiServer.StartAsync();

        // A toy model that knows a "lull in the guns" and a "ceasefire" are close in meaning, and nothing else.
        _server.Embed = text => text.Contains("lull", StringComparison.OrdinalIgnoreCase) || text.Contains("ceasefire", StringComparison.OrdinalIgnoreCase)
            ? [1f, 0f, 0.01f]
            : [0f, 1f, (text.Length % 7) / 100f];
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private Dictionary<string, string?> Settings(string model = "scripted-embed") => new()
    {
        ["Embeddings:Provider"] = "OpenAICompatible",
        ["Embeddings:Endpoint"] = _server.Endpoint.ToString(),
        ["Embeddings:Model"] = model,
    };

    [Fact]
    public async Task Import_embeds_new_passages_in_batches_and_stores_them_with_the_model()
    {
        var file = _folder.Write("talks.txt", Articles.CorridorText);
        await RunAsync(Settings(), "embeddings");

        var import = await RunAsync(Settings(), "import", file);

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Contains("  embedded 2/2 passages", import.Output, StringComparison.Ordinal);
        Assert.Contains("Embedded 2 passages with scripted-embed.", import.Output, StringComparison.Ordinal);
        using var store = await OpenAsync(Settings());
        var stored = store.GetRequiredService<LiteDbStore>().EmbeddingsFor("scripted-embed");
        Assert.Equal(store.GetRequiredService<LiteDbStore>().ActivePassages().Count(), stored.Count);
    }

    [Fact]
    public async Task A_question_that_shares_no_word_with_a_passage_finds_it_through_its_meaning()
    {
        await RunAsync(Settings(), "embeddings");

        // One process at a time holds a store, so the two configurations open it in turn.
        IReadOnlyList<SearchHit> lexical, fused;
        using (var lexicalOnly = await OpenAsync(new Dictionary<string, string?>()))
        {
            lexical = await Search(lexicalOnly, "lull in the guns");
        }

        using (var hybrid = await OpenAsync(Settings()))
        {
            fused = await Search(hybrid, "lull in the guns");
        }

        Assert.Empty(lexical);
        Assert.Contains(fused, h => h.Passage.Text.Contains("ceasefire was brokered by Russia", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_model_change_old_vectors_are_not_used_until_rebuilt()
    {
        await RunAsync(Settings("model-a"), "embeddings");

        using (var changed = await OpenAsync(Settings("model-b")))
        {
            Assert.Equal(0, changed.GetRequiredService<SemanticSearch>().Count);
            Assert.Empty(await Search(changed, "lull in the guns"));
        }

        var rebuild = await RunAsync(Settings("model-b"), "embeddings", "--rebuild");
        using var rebuilt = await OpenAsync(Settings("model-b"));

        Assert.Equal(ExitCodes.Success, rebuild.ExitCode);
        var store = rebuilt.GetRequiredService<LiteDbStore>();
        Assert.Equal(["model-b"], store.EmbeddingModels().Keys);
        Assert.Equal(store.ActivePassages().Count(), rebuilt.GetRequiredService<SemanticSearch>().Count);
        Assert.NotEmpty(await Search(rebuilt, "lull in the guns"));
    }

    [Fact]
    public async Task The_embeddings_verb_with_embeddings_switched_off_says_how_to_switch_them_on()
    {
        var run = await RunAsync(new Dictionary<string, string?> { ["Embeddings:Provider"] = "None" }, "embeddings");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Embeddings are switched off (Embeddings:Provider is None)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_settings_the_local_model_embeds_every_passage_and_the_verb_has_nothing_left_to_do()
    {
        var run = await RunAsync(new Dictionary<string, string?>(), "embeddings");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Embedded 0 passages with local:arctic-xs", run.Output, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<SearchHit>> Search(ServiceHost host, string question)
    {
        var retriever = host.GetRequiredService<Retriever>();
        return retriever.SearchAsync(retriever.Analyze(question), CancellationToken.None);
    }

    private Task<CliRun> RunAsync(Dictionary<string, string?> settings, params string[] args) =>
        CliRun.RunAsync([.. args, "--db", Db], builder => builder.Configuration.AddInMemoryCollection(settings));

    private async Task<ServiceHost> OpenAsync(Dictionary<string, string?> settings) =>
        new(await BotHost.StartAsync(Db, builder => builder.Configuration.AddInMemoryCollection(settings), CancellationToken.None));

    /// <summary>A started host over the test's store file, disposed with the test.</summary>
    private sealed class ServiceHost(Microsoft.Extensions.Hosting.IHost host) : IDisposable
    {
        public T GetRequiredService<T>()
            where T : notnull => host.Services.GetRequiredService<T>();

        public void Dispose() => host.Dispose();
    }
}
