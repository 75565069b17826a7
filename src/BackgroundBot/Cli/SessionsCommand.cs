using System.CommandLine;
using System.Text.Json;
using BackgroundBot.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>sessions list [--json]</c>: educators' live Q&amp;A sessions; <c>sessions export ID --format md|json</c>: one session's transcript.</summary>
public static class SessionsCommand
{
    public static Command Create(CliContext cli)
    {
        var json = FactsCommand.JsonOption();
        var list = new Command("list", "List the sessions, newest first.") { json };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<ISessionStore>();
            var table = new CliTable()
                .Column("ID", "id").Column("STARTED", "startedAt").Column("", "endedAt", jsonOnly: true).Column("STATE", "status")
                .Column("", "guildId", jsonOnly: true).Column("CHANNEL", "channelId").Column("EDUCATOR", "educator").Column("QUESTIONS", "questions")
                .Column("TOPIC", "topic");
            foreach (var session in store.ListSessions())
            {
                var questions = store.QuestionsOf(session.Id).Count(q => q.Status is not (QuestionStatus.Pending or QuestionStatus.Rejected or QuestionStatus.Merged));
                table.Row(session.Id, session.StartedAt, session.EndedAt, session.Status.ToString().ToLowerInvariant(), session.GuildId, session.ChannelId,
                    session.EducatorName, questions, session.Topic);
            }

            await table.WriteAsync(cli, parseResult.GetValue(json), "No sessions yet.");
            return ExitCodes.Success;
        });

        var id = CliValues.IdArgument("id", "The session (`sessions list` shows them).", "a session");
        var format = new Option<string>("--format") { Description = "md (the Markdown transcript members get) or json.", HelpName = "md|json", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md", "json");
        var export = new Command("export", "Write one session's transcript to standard output: questions in the order answered, answers, citations, sources.") { id, format };
        export.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<ISessionStore>();
            if (store.FindSession(parseResult.GetValue(id)) is not { } session)
            {
                await cli.Error.WriteLineAsync($"No session with id {parseResult.GetValue(id)}; `sessions list` shows them.");
                return ExitCodes.BadInput;
            }

            var transcripts = host.Services.GetRequiredService<TranscriptBuilder>();
            if (parseResult.GetValue(format) == "json")
            {
                await cli.Output.WriteLineAsync(JsonSerializer.Serialize(transcripts.Build(session), CliJsonContext.Readable));
                return ExitCodes.Success;
            }

            // An ended session's transcript is the one members were given; a running one's is built as it stands.
            await cli.Output.WriteAsync(session.Transcript is { } stored ? stored.TrimEnd() + "\n" : transcripts.Markdown(session));
            return ExitCodes.Success;
        });

        return new Command("sessions", "Educators' live Q&A sessions and their transcripts.") { list, export };
    }
}
