using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Knowledge;

public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>The LiteDB file; relative paths are under the working folder. Created on first use.</summary>
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
