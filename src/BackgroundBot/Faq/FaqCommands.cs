using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Faq;

/// <summary>
/// <c>/faq list [topic] [days]</c> for everyone; <c>/faq pin|hide|reword|reset question</c> for moderators (checked on
/// the server). Discord allows a command either options or subcommands, so the list is <c>/faq list</c>.
/// </summary>
public static class FaqCommands
{
    public const string Faq = "faq";
    public const string List = "list";
    public const string Pin = "pin";
    public const string Hide = "hide";
    public const string Reword = "reword";
    public const string Reset = "reset";

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new()
        {
            Name = Faq,
            Description = "The questions members ask most, with their current cited answers.",
            Options =
            [
                new()
                {
                    Type = ApplicationCommandOptionType.Subcommand,
                    Name = List,
                    Description = "The most-asked questions and their answers.",
                    Options =
                    [
                        new() { Type = ApplicationCommandOptionType.String, Name = "topic", Description = "Only answers citing facts of one topic", Choices = Topics.All.Select(t => new CommandChoice(t, t)).ToList() },
                        new() { Type = ApplicationCommandOptionType.Integer, Name = "days", Description = "Questions of the last N days (default 90)", MinValue = 1, MaxValue = 3650 },
                    ],
                },
                Curation(Pin, "Keep an entry on top (moderators)."),
                Curation(Hide, "Take an entry off the FAQ (moderators)."),
                Curation(Reword, "Show an entry under better wording (moderators).",
                    new CommandOptionDefinition { Type = ApplicationCommandOptionType.String, Name = "wording", Description = "The question as the FAQ should show it", Required = true, MaxLength = 200 }),
                Curation(Reset, "Undo pin, hide and wording of an entry (moderators)."),
            ],
        },
    ];

    private static CommandOptionDefinition Curation(string name, string description, params CommandOptionDefinition[] more) => new()
    {
        Type = ApplicationCommandOptionType.Subcommand,
        Name = name,
        Description = description,
        Options =
        [
            new() { Type = ApplicationCommandOptionType.String, Name = "question", Description = "The entry's question (or one of the same meaning)", Required = true, Autocomplete = true, MaxLength = 500 },
            .. more,
        ],
    };
}
