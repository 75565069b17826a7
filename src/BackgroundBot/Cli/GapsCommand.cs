using System.CommandLine;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>gaps [--all] [--json]</c>: the questions the store did not cover, most asked first, each checked against the
/// store now; <c>gaps dismiss ID --reason R</c> takes an off-topic one off the list.
/// </summary>
public static class GapsCommand
{
    public static Command Create(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Include dismissed gaps." };
        var json = FactsCommand.JsonOption();
        var command = new Command("gaps", "Questions declined as not covered, grouped and counted: what to add next.") { all, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var gaps = await host.Services.GetRequiredService<GapReport>().ListAsync(cancellationToken, parseResult.GetValue(all));
            var table = new CliTable()
                .Column("ID", "id").Column("ASKED", "count").Column("LAST", "lastAsked").Column("", "firstAsked", jsonOnly: true)
                .Column("STATE", "state").Column("", "dismissReason", jsonOnly: true).Column("QUESTION", "question");
            foreach (var (gap, covered) in gaps)
            {
                var state = gap.DismissedAt is not null ? "dismissed" : covered ? "covered now" : "open";
                table.Row(gap.Id, $"{gap.Count}x", gap.LastAsked, gap.FirstAsked, state, gap.DismissReason, gap.Question);
            }

            await table.WriteAsync(cli, parseResult.GetValue(json), "No unanswered questions so far.");
            return ExitCodes.Success;
        });

        var id = CliValues.IdArgument("id", "The gap to dismiss (`gaps` lists them).", "a gap");
        var reason = new Option<string>("--reason") { Description = "Why it needs no answer (off-topic, out of scope); kept in the audit.", Required = true };
        var dismiss = new Command("dismiss", "Dismiss a gap the store should not cover (an off-topic question); undo with `facts undo`.") { id, reason };
        dismiss.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<GapLog>().Dismiss(parseResult.GetValue(id), parseResult.GetValue(reason)!, cli.Actor(parseResult));
            return await FactsCommand.ReportAsync(cli, result);
        });
        command.Add(dismiss);
        return command;
    }
}
