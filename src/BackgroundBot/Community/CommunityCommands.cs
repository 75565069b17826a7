using BackgroundBot.Discord.Models;

namespace BackgroundBot.Community;

/// <summary>The slash commands community members use; registered with Discord at start when they changed.</summary>
public static class CommunityCommands
{
    public const string Ask = "ask";
    public const string Source = "source";
    public const string About = "about";

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new()
        {
            Name = Ask,
            Description = "Ask about the background of the Nagorno-Karabakh conflict; answers cite their sources.",
            Options =
            [
                new() { Type = ApplicationCommandOptionType.String, Name = "question", Description = "Your question", Required = true, Autocomplete = true, MaxLength = 500 },
                new() { Type = ApplicationCommandOptionType.Boolean, Name = "private", Description = "Only you see the answer" },
            ],
        },
        new()
        {
            Name = Source,
            Description = "Show one passage of the fact store with its article.",
            Options = [new() { Type = ApplicationCommandOptionType.Integer, Name = "id", Description = "Passage id, as shown under cited sources", Required = true, MinValue = 1 }],
        },
        new() { Name = About, Description = "What this bot covers and how its answers are grounded." },
    ];
}
