using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// The curation commands. They carry <c>default_member_permissions</c> (Manage Server) so ordinary members do not
/// see them, but every action is still checked on the server by <see cref="ModeratorPolicy"/>.
/// </summary>
public static class ModerationCommands
{
    public const string Facts = "facts";
    public const string Alias = "alias";
    public const string Gaps = "gaps";
    public const string Audit = "audit";
    public const string Suggest = "suggest";

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new()
        {
            Name = Facts,
            Description = "Curate the fact store.",
            DefaultMemberPermissions = DiscordPermissions.ManageGuild,
            Options =
            [
                Sub("add", "Add a fact with its source (opens a form)."),
                Sub("edit", "Edit a fact (opens a form, prefilled).", Int("id", "Fact id")),
                Sub("retract", "Retract a fact; it is never cited again.", Int("id", "Fact id"), Text("reason", "Why (kept in the audit)")),
                Sub("show", "Show a fact, its source and history.", Int("id", "Fact id")),
                Sub("search", "Find facts.", Text("query", "Words to look for")),
                Sub("undo", "Revert the change an audit entry records.", Int("audit_id", "Audit entry id")),
            ],
        },
        new()
        {
            Name = Alias,
            Description = "Names retrieval treats as the same place or party.",
            DefaultMemberPermissions = DiscordPermissions.ManageGuild,
            Options =
            [
                Sub("add", "Add an alternative name.", Text("name", "A name in use"), Text("alternative", "Another name for it")),
                Sub("list", "List the alias groups."),
            ],
        },
        new() { Name = Gaps, Description = "Questions the store did not cover, most asked first.", DefaultMemberPermissions = DiscordPermissions.ManageGuild },
        new()
        {
            Name = Audit,
            Description = "Who changed what, and when.",
            DefaultMemberPermissions = DiscordPermissions.ManageGuild,
            Options =
            [
                Sub("recent", "The latest changes.", Int("n", "How many (default 10)", required: false)),
                Sub("item", "One change with before and after.", Int("id", "Audit entry id")),
            ],
        },
        new() { Name = Suggest, Description = "Propose a fact or a correction to the moderators." },
    ];

    private static CommandOptionDefinition Sub(string name, string description, params CommandOptionDefinition[] options) =>
        new() { Type = ApplicationCommandOptionType.Subcommand, Name = name, Description = description, Options = options };

    private static CommandOptionDefinition Int(string name, string description, bool required = true) =>
        new() { Type = ApplicationCommandOptionType.Integer, Name = name, Description = description, Required = required, MinValue = 1 };

    private static CommandOptionDefinition Text(string name, string description) =>
        new() { Type = ApplicationCommandOptionType.String, Name = name, Description = description, Required = true, MaxLength = 300 };
}
