namespace BackgroundBot.Discord.Models;

/// <summary>A string select menu.</summary>
public sealed record SelectMenu : MessageComponent
{
    /// <summary>Developer-defined id sent back with the chosen values.</summary>
    public required string CustomId { get; init; }

    /// <summary>Choices (1 to 25).</summary>
    public required IReadOnlyList<SelectMenuOption> Options { get; init; }

    /// <summary>Text shown when nothing is chosen.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Least number of choices. Defaults to 1.</summary>
    public int? MinValues { get; init; }

    /// <summary>Most number of choices. Defaults to 1.</summary>
    public int? MaxValues { get; init; }

    /// <summary>Whether it is greyed out.</summary>
    public bool Disabled { get; init; }
}
