using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Quizzes;

/// <summary><c>/quiz start [topic] [count] [seconds]</c>, for educators.</summary>
public static class QuizCommands
{
    public const string Quiz = "quiz";
    public const string Start = "start";
    public const int MaxQuestions = 10;

    // Quiz messages are follow-ups of the /quiz start interaction, editable for its token's 15 minutes: 10 questions of
    // at most 60 seconds, with their reveals, end well inside that.
    public const int MaxSeconds = 60;
    public const int MinSeconds = 10;

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new()
        {
            Name = Quiz,
            Description = "A quiz on the fact store's facts, one question at a time (educators).",
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                new()
                {
                    Type = ApplicationCommandOptionType.Subcommand,
                    Name = Start,
                    Description = "Start a quiz in this channel.",
                    Options =
                    [
                        new() { Type = ApplicationCommandOptionType.String, Name = "topic", Description = "Only facts of one topic", Choices = Topics.All.Select(t => new CommandChoice(t, t)).ToList() },
                        new() { Type = ApplicationCommandOptionType.Integer, Name = "count", Description = "How many questions (default 5)", MinValue = 1, MaxValue = MaxQuestions },
                        new() { Type = ApplicationCommandOptionType.Integer, Name = "seconds", Description = "Seconds per question (default 20)", MinValue = MinSeconds, MaxValue = MaxSeconds },
                    ],
                },
            ],
        },
    ];
}
