using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Retrieval;

/// <summary>The embedded default retrieves by meaning with a model that runs in this process: no server, no key.</summary>
public sealed class LocalEmbeddingsTests
{
    [Fact]
    public void Without_settings_the_local_model_is_used_and_every_seeded_passage_has_a_vector()
    {
        using var store = new TestStore(pack: true);
        var semantic = store.Services.GetRequiredService<SemanticSearch>();

        Assert.True(semantic.Enabled);
        Assert.True(semantic.IsLocal);
        Assert.Equal("local:arctic-xs", semantic.Model);
        Assert.Equal(store.Store.ActivePassages().Count(), semantic.Count);
    }

    [Fact]
    public void The_bundled_vectors_cover_every_passage_of_the_seed_article_and_starter_pack()
    {
        using var store = new TestStore(pack: true);
        var bundled = BundledVectors.Load(BundledVectors.PathFor("local:arctic-xs"), "local:arctic-xs");

        var missing = store.Store.ActivePassages().Where(p => !bundled.ContainsKey(BundledVectors.Key(p.Text))).Select(p => p.Text[..Math.Min(60, p.Text.Length)]).ToList();

        Assert.True(missing.Count == 0, "Run `embeddings --bundle src/BackgroundBot/Data/embeddings/local-arctic-xs.vectors` on a fresh store; not bundled:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void A_passage_committed_later_is_embedded_at_once_and_stored_with_the_models_name()
    {
        using var store = new TestStore(seed: false);
        var semantic = store.Services.GetRequiredService<SemanticSearch>();

        var import = store.Import("truce.txt", "title: Truce\n\nThe armistice signed in May 1994 froze the front line for more than two decades, until the war of 2020.");

        Assert.True(import.Succeeded, import.Message);
        var stored = store.Store.EmbeddingsFor("local:arctic-xs");
        Assert.Equal(store.Store.ActivePassages().Select(p => p.Id).Order(), stored.Select(e => e.Id).Order());
        Assert.All(stored, e => Assert.Equal(384, e.Vector.Length));
        Assert.Equal(stored.Count, semantic.Count);
    }

    [Fact]
    public async Task A_question_in_other_words_finds_the_passage_by_meaning()
    {
        using var store = new TestStore(seed: false);
        store.Import("truce.txt", "title: Truce\n\nThe armistice signed in May 1994 froze the front line for more than two decades, until the war of 2020.");
        store.Import("other.txt", "title: Other\n\nThe regional parliament voted on a new budget for roads and schools in the spring session.");
        var retriever = store.Retriever;

        var hits = await retriever.SearchAsync(retriever.Analyze("when did the ceasefire stop the fighting?"), CancellationToken.None);

        Assert.Contains("armistice", hits[0].Passage.Text, StringComparison.Ordinal);
        Assert.True(hits[0].Similarity > hits.Single(h => h.Passage.Text.Contains("budget", StringComparison.Ordinal)).Similarity);
    }

    [Fact]
    public void Provider_none_switches_meaning_off_and_answers_stay_lexical()
    {
        using var store = new TestStore(settings: new Dictionary<string, string?> { ["Embeddings:Provider"] = "None" });
        var semantic = store.Services.GetRequiredService<SemanticSearch>();

        var answer = store.Ask("Who monitors the Lachin corridor?");

        Assert.False(semantic.Enabled);
        Assert.Empty(store.Store.EmbeddingModels());
        Assert.Contains("Russian peacekeepers", answer.Text, StringComparison.Ordinal);
    }
}
