using System.CommandLine;
using System.Text.Json;
using BackgroundBot.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>ask "QUESTION" [--json]</c>: prints a cited answer, or one JSON object for scripts.</summary>
public static class AskCommand
{
    public static Command Create(CliContext cli)
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: question, answer, grounded, mode, citations." };
        var command = new Command("ask", "Answer a question from the fact store, with citations.") { question, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var answerer = host.Services.GetRequiredService<IAnswerer>();
            var result = await answerer.AskAsync(new AskRequest(parseResult.GetValue(question) ?? "", AskerId: "cli"), cancellationToken);
            if (result.Answer is not { } answer)
            {
                await cli.Error.WriteLineAsync(result.Error);
                return ExitCodes.BadInput;
            }

            if (parseResult.GetValue(json))
            {
                await cli.Output.WriteLineAsync(JsonSerializer.Serialize(AskJson.From(answer), CliJsonContext.Readable));
                return ExitCodes.Success;
            }

            await cli.Output.WriteLineAsync(answer.Text);
            if (answer.Note is not null)
            {
                await cli.Output.WriteLineAsync($"({answer.Note})");
            }

            if (answer.Citations.Count > 0)
            {
                await cli.Output.WriteLineAsync();
                await cli.Output.WriteLineAsync("Sources:");
                foreach (var citation in answer.Citations)
                {
                    await cli.Output.WriteLineAsync(SourceLine.Format(citation));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
