namespace BackgroundBot.Discord.Models;

/// <summary>An option of a command to register (<see href="https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure"/>).</summary>
public sealed record CommandOptionDefinition
{
    /// <summary>Type.</summary>
    public required ApplicationCommandOptionType Type { get; init; }

    /// <summary>Name: lower case, 1 to 32 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Description: 1 to 100 characters.</summary>
    public required string Description { get; init; }

    /// <summary>Whether the user must give it.</summary>
    public bool Required { get; init; }

    /// <summary>Whether values are suggested through autocomplete interactions.</summary>
    public bool Autocomplete { get; init; }

    /// <summary>Fixed choices (not with autocomplete).</summary>
    public IReadOnlyList<CommandChoice> Choices { get; init; } = [];

    /// <summary>Nested options of a subcommand or group.</summary>
    public IReadOnlyList<CommandOptionDefinition> Options { get; init; } = [];

    /// <summary>Least value of Integer or Number options.</summary>
    public double? MinValue { get; init; }

    /// <summary>Most value of Integer or Number options.</summary>
    public double? MaxValue { get; init; }

    /// <summary>Least length of String options.</summary>
    public int? MinLength { get; init; }

    /// <summary>Most length of String options.</summary>
    public int? MaxLength { get; init; }
}
