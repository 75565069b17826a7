namespace BackgroundBot.Discord.Models;

/// <summary>
/// Which mentions in a message may ping (<see href="https://discord.com/developers/docs/resources/message#allowed-mentions-object"/>).
/// Defaults to <see cref="None"/>: the bot never pings anyone unless a caller opts in.
/// </summary>
public sealed record AllowedMentions
{
    /// <summary>Nobody is pinged.</summary>
    public static AllowedMentions None { get; } = new();

    /// <summary>Mention kinds parsed from content: "roles", "users", "everyone".</summary>
    public IReadOnlyList<string> Parse { get; init; } = [];

    /// <summary>Users that may be pinged.</summary>
    public IReadOnlyList<ulong> Users { get; init; } = [];

    /// <summary>Roles that may be pinged.</summary>
    public IReadOnlyList<ulong> Roles { get; init; } = [];

    /// <summary>Whether a reply pings the replied-to user.</summary>
    public bool RepliedUser { get; init; }
}
