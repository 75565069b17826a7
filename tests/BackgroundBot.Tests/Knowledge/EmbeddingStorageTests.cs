using BackgroundBot.Cli;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Llm;
using BackgroundBot.Retrieval;
using BackgroundBot.Tests.Infrastructure;
using LiteDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Tests.Knowledge;

/// <summary>
/// Passage vectors are stored as their raw floats (a fifth of the space of LiteDB's array of doubles, and read at
/// start in a fraction of the time); vectors an earlier version stored as arrays are still read, and a start with
/// every vector stored does not run the model.
/// </summary>
public sealed class EmbeddingStorageTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    private string Db => Path.Combine(_folder.Path, "store.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_vector_is_stored_as_raw_floats_and_read_back_exactly()
    {
        var vector = new[] { 0.25f, -1.5f, 3.0e-7f, float.Epsilon, 0.1f };
        int passage;
        using (var host = Open(meaning: false))
        {
            var store = host.Services.GetRequiredService<LiteDbStore>();
            passage = store.ActivePassages().First().Id;
            store.Write(write =>
            {
                write.PutEmbeddings([new PassageEmbedding { Id = passage, Model = "m", Vector = vector }]);
                return 0;
            });
            Assert.Equal(vector, store.EmbeddingsFor("m").Single().Vector);
        }

        using var raw = new LiteDatabase(new ConnectionString { Filename = Db, Connection = ConnectionType.Direct });
        var stored = raw.GetCollection("embeddings").FindById(passage)["Vector"];
        Assert.True(stored.IsBinary, $"stored as {stored.Type}");
        Assert.Equal(vector.Length * sizeof(float), stored.AsBinary.Length);
    }

    [Fact]
    public void Vectors_an_earlier_version_stored_as_arrays_are_still_read_and_searched()
    {
        int passage;
        using (var host = Open(meaning: false))
        {
            passage = host.Services.GetRequiredService<LiteDbStore>().ActivePassages().First().Id;
        }

        using (var raw = new LiteDatabase(new ConnectionString { Filename = Db, Connection = ConnectionType.Direct }))
        {
            raw.GetCollection("embeddings").Upsert(new BsonDocument
            {
                ["_id"] = passage,
                ["Model"] = "m",
                ["Vector"] = new BsonArray(new BsonValue(0.6), new BsonValue(0.8), new BsonValue(0.0)),
            });
        }

        using var reopened = Open(meaning: false);
        var embedding = Assert.Single(reopened.Services.GetRequiredService<LiteDbStore>().EmbeddingsFor("m"));
        Assert.Equal([0.6f, 0.8f, 0f], embedding.Vector);
    }

    [Fact]
    public void A_start_with_every_passage_s_vector_stored_loads_them_without_running_the_model()
    {
        int live;
        using (var first = Open(meaning: false))
        {
            var store = first.Services.GetRequiredService<LiteDbStore>();
            var passages = store.ActivePassages().ToList();
            live = passages.Count;
            store.Write(write =>
            {
                write.PutEmbeddings(passages.Select(p => new PassageEmbedding
                {
                    Id = p.Id,
                    Model = LocalEmbeddingModel.StoredName(LocalEmbeddingModel.ArcticXs),
                    Vector = [.. Enumerable.Range(0, 384).Select(d => (float)Math.Sin(p.Id + d))],
                }));
                return 0;
            });
        }

        using var again = Open(meaning: true);
        var semantic = again.Services.GetRequiredService<SemanticSearch>();

        Assert.Equal(live, semantic.Count);
        Assert.False(semantic.LocalModelHasRun, "start-up ran the model");
    }

    [Fact]
    public void Reading_every_vector_at_start_keeps_the_store_s_page_cache_to_one_batch()
    {
        // 12k vectors of 384 dimensions fill about 2,400 of LiteDB's 8 KB pages; a read holds every page it touched
        // until it ends, and LiteDB's page cache never shrinks, so one read of them all grew the process for good
        // (125 MB at 100k passages). In batches the cache stays at what one batch needs.
        using (var host = Open(meaning: false, seed: false))
        {
            host.Services.GetRequiredService<LiteDbStore>().Write(write =>
            {
                write.PutEmbeddings(Enumerable.Range(1, 12_000).Select(id => new PassageEmbedding
                {
                    Id = id,
                    Model = LocalEmbeddingModel.StoredName(LocalEmbeddingModel.ArcticXs),
                    Vector = [.. Enumerable.Range(0, 384).Select(d => (float)Math.Cos(id * d))],
                }));
                return 0;
            });
        }

        using var reopened = Open(meaning: true, seed: false);
        var store = reopened.Services.GetRequiredService<LiteDbStore>();
        var before = CachedPages(store);
        reopened.Services.GetRequiredService<SemanticSearch>();
        Assert.Equal(12_000, store.EmbeddingModels().Values.Single());

        Assert.InRange(CachedPages(store) - before, 0, 1_700);
    }

    // LiteDB does not publish its cache size; this reads it (LiteDatabase -> engine -> disk service -> memory cache).
    private static int CachedPages(LiteDbStore store)
    {
        static object Field(object owner, string name) =>
            owner.GetType().GetField(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)?.GetValue(owner)
            ?? owner.GetType().GetProperty(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)?.GetValue(owner)
            ?? throw new InvalidOperationException($"LiteDB's {owner.GetType().Name} has no {name} (a LiteDB upgrade?)");
        var cache = Field(Field(Field(Field(store, "_db"), "_engine"), "_disk"), "Cache");
        return (int)Field(cache, "ExtendPages");
    }

    private IHost Open(bool meaning, bool seed = true)
    {
        var builder = BotHost.CreateBuilder(Db);
        builder.Configuration.AddInMemoryCollection(
        [
            new("Store:SeedOnFirstRun", seed ? "true" : "false"),
            new("Store:SeedPack", "true"),
            new("Embeddings:Provider", meaning ? "Local" : "None"),
        ]);
        var host = builder.Build();
        if (seed)
        {
            host.Services.GetRequiredService<StoreSeeder>().EnsureSeeded();
        }

        return host;
    }
}
