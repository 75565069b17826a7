namespace BackgroundBot.Discord.Models;

/// <summary>A slash command to register (<see href="https://discord.com/developers/docs/interactions/application-commands#application-command-object"/>).</summary>
public sealed record ApplicationCommandDefinition
{
    /// <summary>Name: lower case, 1 to 32 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Description: 1 to 100 characters.</summary>
    public required string Description { get; init; }

    /// <summary>Options, subcommands or subcommand groups.</summary>
    public IReadOnlyList<CommandOptionDefinition> Options { get; init; } = [];

    /// <summary>Permissions a member needs by default (server admins can change this); null lets everyone use it.</summary>
    public DiscordPermissions? DefaultMemberPermissions { get; init; }

    /// <summary>Where the command may be used; null keeps Discord's default (everywhere the app is installed).</summary>
    public IReadOnlyList<InteractionContextType>? Contexts { get; init; }

    /// <summary>Whether an age-restricted command.</summary>
    public bool Nsfw { get; init; }
}
