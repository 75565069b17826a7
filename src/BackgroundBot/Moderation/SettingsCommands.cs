using BackgroundBot.Discord.Models;

namespace BackgroundBot.Moderation;

/// <summary>
/// <c>/settings</c>: a server's own review channel, moderator and educator roles and allowed channels. Hidden from
/// members without Manage Server by <c>default_member_permissions</c>, and checked on the server for every interaction.
/// </summary>
public static class SettingsCommands
{
    public const string Settings = "settings";
    public const string Show = "show";
    public const string ReviewChannel = "review-channel";
    public const string ModeratorRoles = "moderator-roles";
    public const string EducatorRoles = "educator-roles";
    public const string AllowedChannels = "allowed-channels";

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new()
        {
            Name = Settings,
            Description = "This server's settings for the bot.",
            DefaultMemberPermissions = DiscordPermissions.ManageGuild,
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                Sub(Show, "Show this server's settings (only you see them)."),
                Sub(ReviewChannel, "Where suggestions and reports are posted for review.",
                    Option(ApplicationCommandOptionType.Channel, "channel", "The review channel; leave out to use the bot's default", required: false)),
                Group(ModeratorRoles, "Roles whose members curate the fact store.", ApplicationCommandOptionType.Role, "role"),
                Group(EducatorRoles, "Roles whose members are educators.", ApplicationCommandOptionType.Role, "role"),
                Group(AllowedChannels, "Channels where /ask is answered (none: every channel).", ApplicationCommandOptionType.Channel, "channel"),
            ],
        },
    ];

    private static CommandOptionDefinition Group(string name, string description, ApplicationCommandOptionType type, string option) => new()
    {
        Type = ApplicationCommandOptionType.SubcommandGroup,
        Name = name,
        Description = description,
        Options =
        [
            Sub("add", "Add one.", Option(type, option, "The one to add")),
            Sub("remove", "Remove one.", Option(type, option, "The one to remove")),
            Sub("reset", "Go back to the bot's default."),
        ],
    };

    private static CommandOptionDefinition Sub(string name, string description, params CommandOptionDefinition[] options) =>
        new() { Type = ApplicationCommandOptionType.Subcommand, Name = name, Description = description, Options = options };

    private static CommandOptionDefinition Option(ApplicationCommandOptionType type, string name, string description, bool required = true) =>
        new() { Type = type, Name = name, Description = description, Required = required };
}
