using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Timeline;

/// <summary><c>/timeline [topic] [from] [to] [place]</c>: the dated facts in order, paged, with a picture.</summary>
public static class TimelineCommands
{
    public const string Timeline = "timeline";

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new()
        {
            Name = Timeline,
            Description = "The dated facts in order, each with its source, and a timeline picture.",
            Options =
            [
                new()
                {
                    Type = ApplicationCommandOptionType.String,
                    Name = "topic",
                    Description = "Only one topic",
                    Choices = Topics.All.Select(t => new CommandChoice(t, t)).ToList(),
                },
                new() { Type = ApplicationCommandOptionType.Integer, Name = "from", Description = "From this year", MinValue = 1000, MaxValue = 2100 },
                new() { Type = ApplicationCommandOptionType.Integer, Name = "to", Description = "Up to this year", MinValue = 1000, MaxValue = 2100 },
                new() { Type = ApplicationCommandOptionType.String, Name = "place", Description = "Only facts about this place (either of its names)", MaxLength = TimelineFilter.MaxPlaceLength },
            ],
        },
    ];
}
