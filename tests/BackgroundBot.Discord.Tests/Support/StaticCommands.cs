using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Discord.Tests.Support;

public sealed class StaticCommands(params ApplicationCommandDefinition[] commands) : IApplicationCommandSource
{
    public IReadOnlyList<ApplicationCommandDefinition> Commands { get; } = commands;

    public static StaticCommands Default() => new(
        new ApplicationCommandDefinition
        {
            Name = "ask",
            Description = "Ask a question",
            Options =
            [
                new CommandOptionDefinition { Type = ApplicationCommandOptionType.String, Name = "question", Description = "What to ask", Required = true, MaxLength = 300 },
            ],
        },
        new ApplicationCommandDefinition
        {
            Name = "facts",
            Description = "Curate facts",
            DefaultMemberPermissions = DiscordPermissions.ManageMessages,
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                new CommandOptionDefinition
                {
                    Type = ApplicationCommandOptionType.Subcommand,
                    Name = "list",
                    Description = "List facts",
                    Options = [new CommandOptionDefinition { Type = ApplicationCommandOptionType.Integer, Name = "page", Description = "Page", MinValue = 1, Choices = [new CommandChoice("first", 1)] }],
                },
            ],
        });
}
