namespace BackgroundBot.Discord.Models;

/// <summary>
/// A typed interaction as the rest of the bot sees it, the same whichever transport (gateway or HTTP) carried it
/// (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object"/>).
/// </summary>
public sealed record Interaction
{
    /// <summary>Interaction id; unique, used to deduplicate replays.</summary>
    public required ulong Id { get; init; }

    /// <summary>The application the interaction is for.</summary>
    public required ulong ApplicationId { get; init; }

    /// <summary>What kind of interaction this is.</summary>
    public required InteractionType Type { get; init; }

    /// <summary>The command name, for commands, autocomplete, and (from the original command) nothing else.</summary>
    public string? CommandName { get; init; }

    /// <summary>The subcommand group used, if any.</summary>
    public string? SubcommandGroup { get; init; }

    /// <summary>The subcommand used, if any.</summary>
    public string? Subcommand { get; init; }

    /// <summary>The leaf options (inside the subcommand when one was used).</summary>
    public IReadOnlyList<InteractionOption> Options { get; init; } = [];

    /// <summary>The developer-defined id of the component or modal.</summary>
    public string? CustomId { get; init; }

    /// <summary>Component type for component interactions (2 button, 3 string select, ...).</summary>
    public int? ComponentType { get; init; }

    /// <summary>Values chosen in a select menu.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Text input values of a submitted modal, by custom id.</summary>
    public IReadOnlyDictionary<string, string> ModalValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The user who triggered the interaction (in guilds, the member's user).</summary>
    public required InteractionUser User { get; init; }

    /// <summary>Role ids of the member, in guilds.</summary>
    public IReadOnlyList<ulong> MemberRoles { get; init; } = [];

    /// <summary>The member's permissions in the channel, in guilds (<see cref="DiscordPermissions.None"/> elsewhere).</summary>
    public DiscordPermissions MemberPermissions { get; init; }

    /// <summary>The bot's permissions in the channel.</summary>
    public DiscordPermissions AppPermissions { get; init; }

    /// <summary>Guild id, when used in a guild.</summary>
    public ulong? GuildId { get; init; }

    /// <summary>Channel id.</summary>
    public ulong? ChannelId { get; init; }

    /// <summary>The user's client locale (e.g. <c>en-US</c>).</summary>
    public string? Locale { get; init; }

    /// <summary>The guild's preferred locale.</summary>
    public string? GuildLocale { get; init; }

    /// <summary>The message the component was on, for component interactions.</summary>
    public ulong? MessageId { get; init; }

    /// <summary>The target user or message of a context-menu command.</summary>
    public ulong? TargetId { get; init; }

    /// <summary>Files attached through attachment options, by attachment id (the option's value).</summary>
    public IReadOnlyDictionary<ulong, InteractionAttachment> Attachments { get; init; } = new Dictionary<ulong, InteractionAttachment>();

    /// <summary>Finds a leaf option by name.</summary>
    public InteractionOption? GetOption(string name) => Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    /// <summary>The option being autocompleted.</summary>
    public InteractionOption? FocusedOption => Options.FirstOrDefault(o => o.Focused);
}
