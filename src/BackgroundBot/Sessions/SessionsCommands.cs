using BackgroundBot.Discord.Models;

namespace BackgroundBot.Sessions;

/// <summary><c>/session</c>: educators' live Q&amp;A sessions. Every subcommand is checked on the server; Discord's view is never trusted.</summary>
public static class SessionsCommands
{
    public const string Session = "session";
    public const string Start = "start";
    public const string Ask = "ask";
    public const string Queue = "queue";
    public const string Cohost = "cohost";
    public const string End = "end";
    public const string Transcript = "transcript";
    public const string History = "history";

    public static IReadOnlyList<ApplicationCommandDefinition> All { get; } =
    [
        new()
        {
            Name = Session,
            Description = "Live Q&A sessions: members queue and upvote questions, the educator answers them with cited sources.",
            Contexts = [InteractionContextType.Guild],
            Options =
            [
                Sub(Start, "Start a Q&A session in this channel (educators).",
                    Option(ApplicationCommandOptionType.String, "topic", "What the session is about", maxLength: 200),
                    Option(ApplicationCommandOptionType.Integer, "duration", "Minutes until it ends by itself", required: false, min: 1),
                    Option(ApplicationCommandOptionType.Boolean, "anonymous", "Hide every asker's name", required: false),
                    Option(ApplicationCommandOptionType.Boolean, "approval", "Questions show only once approved", required: false)),
                Sub(Ask, "Queue a question in this channel's session.",
                    Option(ApplicationCommandOptionType.String, "question", "Your question", maxLength: 500),
                    Option(ApplicationCommandOptionType.Boolean, "anonymous", "Hide your name", required: false)),
                Sub(Queue, "Open the session's panel: the queue, answer, skip, merge, approve (educator and co-hosts)."),
                Sub(Cohost, "Give another member the session's panel (educator).",
                    Option(ApplicationCommandOptionType.User, "member", "The co-host")),
                Sub(End, "End the session and post its transcript (educator and co-hosts)."),
                Sub(Transcript, "The session's transcript so far, as a file only you see."),
                Sub(History, "This channel's past sessions; with an id, that session's transcript.",
                    Option(ApplicationCommandOptionType.Integer, "id", "A session id from the list", required: false, min: 1)),
            ],
        },
    ];

    private static CommandOptionDefinition Sub(string name, string description, params CommandOptionDefinition[] options) =>
        new() { Type = ApplicationCommandOptionType.Subcommand, Name = name, Description = description, Options = options };

    private static CommandOptionDefinition Option(ApplicationCommandOptionType type, string name, string description, bool required = true, int? maxLength = null, int? min = null) =>
        new() { Type = type, Name = name, Description = description, Required = required, MaxLength = maxLength, MinValue = min };
}
