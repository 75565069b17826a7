using System.CommandLine;
using System.Globalization;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>gaps</c>: the questions the store did not cover, most asked first, each checked against the store now.</summary>
public static class GapsCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("gaps", "Questions declined as not covered, grouped and counted: what to add next.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var gaps = await host.Services.GetRequiredService<GapReport>().ListAsync(cancellationToken);
            if (gaps.Count == 0)
            {
                await cli.Output.WriteLineAsync("No unanswered questions so far.");
                return ExitCodes.Success;
            }

            foreach (var (gap, covered) in gaps)
            {
                var state = covered ? "covered now" : "open";
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{gap.Id}\t{gap.Count}x\tlast {gap.LastAsked:yyyy-MM-dd HH:mm}Z\t{state}\t{TerminalText.Escape(gap.Question, oneLine: true)}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
