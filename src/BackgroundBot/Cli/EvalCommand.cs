using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BackgroundBot.Answering;
using BackgroundBot.Answering.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>eval FILE.json [--min F] [--json]</c>: asks every question of a question file against the store and prints each
/// miss and a summary line, so a moderator sees what a change to the store did. Exits 1 when the share passed is under
/// <c>--min</c>.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "A question file (format: docs/eval-format.md)." };
        var min = new Option<double?>("--min") { Description = "Exit 1 when the share of questions passed is below this (0 to 1).", HelpName = "F" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with every outcome." };
        var command = new Command("eval", "Run a question file against the store and report what it answers right.") { file, min, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(min) is { } bar && bar is < 0 or > 1)
            {
                await cli.Error.WriteLineAsync("--min must be a share between 0 and 1, e.g. 0.9.");
                return ExitCodes.Usage;
            }

            var (questions, problem) = EvalSet.Load(parseResult.GetValue(file)!);
            if (problem is not null)
            {
                await cli.Error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var summary = await new EvalRunner(host.Services.GetRequiredService<IAnswerer>()).RunAsync(questions, null, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await cli.Output.WriteLineAsync(JsonSerializer.Serialize(ToJson(summary), CliJsonContext.Readable));
            }
            else
            {
                foreach (var miss in summary.Outcomes.Where(o => !o.Passed))
                {
                    await cli.Output.WriteLineAsync($"MISS {miss.Question.Id} [{miss.Question.KindName}] {TerminalText.Escape(miss.Question.Question)}");
                    await cli.Output.WriteLineAsync($"     {miss.Miss}");
                    await cli.Output.WriteLineAsync($"     answer: {TerminalText.Escape(Shorten(miss.Answer.Text))}");
                }

                await cli.Output.WriteLineAsync(SummaryLine(summary));
            }

            return parseResult.GetValue(min) is { } required && summary.Share < required ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>passed 71/85 (83.5%): answerable 52/60, contested 7/10, refuse 12/15</c>.</summary>
    public static string SummaryLine(EvalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var kinds = string.Join(", ", summary.ByKind.Select(k => $"{k.Kind} {k.Passed}/{k.Total}"));
        return string.Create(CultureInfo.InvariantCulture, $"passed {summary.Passed}/{summary.Total} ({summary.Share:P1}): {kinds}");
    }

    private static EvalJson ToJson(EvalSummary summary) => new(
        summary.Passed,
        summary.Total,
        summary.ByKind.Select(k => new EvalJsonKind(k.Kind, k.Passed, k.Total)).ToList(),
        summary.Outcomes.Select(o => new EvalJsonOutcome(o.Question.Id, o.Question.KindName, o.Question.Question, o.Passed, o.Miss, o.Answer.Grounded, o.Answer.Text)).ToList());

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 297), "...");
}
