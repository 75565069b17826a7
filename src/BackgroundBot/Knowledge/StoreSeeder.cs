using System.Text.Json;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Knowledge.Packs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Knowledge;

/// <summary>
/// On first run, fills an empty store with the bundled seed article and place-name aliases.
/// Runs once per store (a flag in the file), so a moderator who removes the seed does not see it come back.
/// </summary>
public sealed class StoreSeeder(
    IKnowledgeStore store,
    ArticleImporter importer,
    FactPackLoader packs,
    IOptions<StoreOptions> options,
    TimeProvider time,
    ILogger<StoreSeeder> logger)
{
    internal const string SeededFlag = "seeded";
    public const string Actor = "system:seed";

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Data");

    private readonly Lock _gate = new();
    private bool _checked;

    public void EnsureSeeded()
    {
        lock (_gate)
        {
            if (_checked)
            {
                return;
            }

            _checked = true;
            if (!options.Value.SeedOnFirstRun || store.GetFlag(SeededFlag))
            {
                return;
            }

            var seed = importer.ImportFile(
                Path.Combine(DataDirectory, "corpus", "seed-article.txt"),
                new ArticleMetadata(Title: "Azerbaijan launches offensive in Nagorno-Karabakh", Publisher: "Bundled seed article"),
                Actor);
            if (!seed.Succeeded)
            {
                throw new InvalidOperationException($"The bundled seed article could not be imported: {seed.Message}");
            }

            var aliases = LoadAliases(Path.Combine(DataDirectory, "aliases.json"));
            var seededHere = store.Write(write =>
            {
                // Checked again inside the write: instances starting together on a new shared store seed it once (writes are serialized).
                if (store.GetFlag(SeededFlag))
                {
                    return false;
                }

                var now = time.GetUtcNow();
                foreach (var alias in aliases)
                {
                    var stored = write.InsertAlias(alias);
                    write.Audit(now, Actor, "alias.add", $"alias/{stored.Id}", null, stored);
                }

                write.SetFlag(SeededFlag, true);
                return true;
            });
            if (!seededHere)
            {
                return;
            }

            Log.StoreSeeded(logger, seed.Article!.Id, aliases.Count);
            if (options.Value.SeedPack)
            {
                var pack = packs.LoadFile(FactPackLoader.BundledPath, Actor);
                if (!pack.Succeeded)
                {
                    throw new InvalidOperationException($"The bundled fact pack could not be loaded: {string.Join(" ", pack.Problems)}");
                }
            }
        }
    }

    internal static IReadOnlyList<AliasGroup> LoadAliases(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<List<AliasGroup>>(stream, AuditJson.Options)
            ?? throw new InvalidDataException($"{path} holds no aliases.");
    }
}
