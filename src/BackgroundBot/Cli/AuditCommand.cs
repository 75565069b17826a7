using System.CommandLine;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>audit [--recent N] [--item ID]</c>: who changed what, when, with before and after.</summary>
public static class AuditCommand
{
    public static Command Create(CliContext cli)
    {
        var recent = new Option<int>("--recent") { Description = "How many recent entries. Defaults to 20.", DefaultValueFactory = _ => 20 };
        var item = new Option<int?>("--item") { Description = "Show one entry in full, with before and after." };
        var subject = new Option<string?>("--subject") { Description = "Every entry about one thing, e.g. fact/12 or article/3." };
        var command = new Command("audit", "Show the audit log.") { recent, item, subject };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<FactStore>();
            if (parseResult.GetValue(item) is { } id)
            {
                if (store.FindAudit(id) is not { } entry)
                {
                    await cli.Error.WriteLineAsync($"No audit entry with id {id}.");
                    return ExitCodes.BadInput;
                }

                await cli.Output.WriteLineAsync(AuditText.Full(entry));
                return ExitCodes.Success;
            }

            var entries = parseResult.GetValue(subject) is { } s ? store.AuditOf(s) : store.RecentAudit(parseResult.GetValue(recent));
            foreach (var entry in entries)
            {
                await cli.Output.WriteLineAsync(AuditText.Line(entry));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
