using System.Text;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Cli;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.LiteDb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Benchmarks.Fixtures;

/// <summary>
/// Real LiteDB fact stores holding a synthetic corpus, imported article by article through
/// <see cref="ArticleImporter"/> as a moderator would, on top of the first-run seed (seed article and aliases), with
/// a vector stored for every passage under the local model (see <see cref="BenchVectors"/>). Built once per size and
/// kept under the temp folder, because a 100k-passage import takes minutes.
/// </summary>
public static class BenchStore
{
    // Bump when the generator or the store format changes, so stale stores are not reused.
    private const int Version = 4;

    /// <summary>Where built stores are kept; tests point it at their own temp folder.</summary>
    public static string CacheFolder { get; set; } =
        Path.Combine(Path.GetTempPath(), "backgroundbot-bench", $"v{Version}-seed{CorpusGenerator.DefaultSeed}");

    /// <summary>The path of a store holding the corpus of <paramref name="passages"/> passages, built if missing.</summary>
    public static string Ensure(int passages, TextWriter? progress = null)
    {
        var path = Path.Combine(CacheFolder, $"store-{passages}.db");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(CacheFolder);
        var building = Path.Combine(CacheFolder, $"building-{passages}-{Environment.ProcessId}");
        Directory.CreateDirectory(building);
        var buildingPath = Path.Combine(building, "store.db");
        progress?.WriteLine($"Building the {passages:N0}-passage store at {path} (once; later runs reuse it)...");
        var corpus = CorpusGenerator.Generate(passages);

        // Imported without the model (which would embed every passage as it is committed), then given vectors.
        using (var host = OpenHost(buildingPath, seed: true))
        {
            host.Services.GetRequiredService<Knowledge.StoreSeeder>().EnsureSeeded();
            ImportAll(host.Services.GetRequiredService<ArticleImporter>(), corpus.Articles);
            BenchVectors.AddTo(host.Services.GetRequiredService<LiteDb.LiteDbStore>(), corpus, progress);
        }

        File.Move(buildingPath, path, overwrite: true);
        Directory.Delete(building, recursive: true);
        return path;
    }

    /// <summary>
    /// A private copy of the cached store, for runs that may write to it (a declined question can be logged for
    /// moderators), so the cached store stays as built. Deleted with the folder it is in.
    /// </summary>
    public static string CopyOf(int passages, string folder)
    {
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "store.db");
        File.Copy(Ensure(passages), copy, overwrite: true);
        return copy;
    }

    /// <summary>The bot's host on <paramref name="dbPath"/>, wired as the CLI wires it, not yet started.</summary>
    /// <param name="meaning">
    /// Retrieval by meaning with the local model, as the bot runs by default; otherwise <c>Embeddings:Provider</c> is
    /// <c>None</c> (words only, as before the model came, and nothing embedded on import).
    /// </param>
    public static IHost OpenHost(string dbPath, bool seed, bool meaning = false)
    {
        var builder = BotHost.CreateBuilder(dbPath);
        builder.Configuration.AddInMemoryCollection(
        [
            new("Store:SeedOnFirstRun", seed ? "true" : "false"),
            new("Embeddings:Provider", meaning ? "Local" : "None"),
        ]);
        return builder.Build();
    }

    /// <summary>Imports each article as the text file a moderator would upload.</summary>
    public static int ImportAll(ArticleImporter importer, IEnumerable<SyntheticArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(articles);
        var passages = 0;
        foreach (var article in articles)
        {
            var result = importer.Import(
                $"{article.FirstPassage}.txt", Encoding.UTF8.GetBytes(CorpusGenerator.ToFileText(article)), overrides: null, actor: "bench:import");
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(result.Message);
            }

            passages += result.Passages!.Count;
        }

        return passages;
    }
}
