using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Knowledge;

public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>
    /// Where the records live: <see cref="StoreProvider.LiteDb"/> (the default: one file at <see cref="Path"/>, nothing to
    /// install) or <see cref="StoreProvider.PostgreSql"/> (a database at <see cref="ConnectionString"/>, shared by several instances).
    /// </summary>
    public StoreProvider Provider { get; set; } = StoreProvider.LiteDb;

    /// <summary>
    /// The PostgreSQL database, as an Npgsql connection string (<c>Host=db;Database=backgroundbot;Username=bot;Password=…</c>);
    /// required with the PostgreSql provider. Keep the password in user-secrets or the environment (Store__ConnectionString).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The LiteDB file (the LiteDb provider); relative paths are under the working folder. Created on first use.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/backgroundbot.db";

    /// <summary>Seed an empty store with the bundled seed article and aliases on first run.</summary>
    public bool SeedOnFirstRun { get; set; } = true;

    /// <summary>With the seed, also load the bundled starter fact pack (Data/pack/starter-pack.json).</summary>
    public bool SeedPack { get; set; } = true;

    /// <summary>Largest file <c>import</c> accepts. Defaults to 1 MiB, far above any news article.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxImportBytes { get; set; } = 1024 * 1024;
}
