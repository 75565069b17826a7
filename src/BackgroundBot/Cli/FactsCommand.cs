using System.CommandLine;
using System.Globalization;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>facts add|edit|retract|list|show|undo</c>: curation from a shell, with the same checks and audit as Discord.</summary>
public static class FactsCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("facts", "List, show, add, edit, retract facts, and undo changes.")
        {
            List(cli), Show(cli), Add(cli), Edit(cli), Retract(cli), Undo(cli),
        };
        return command;
    }

    private static Command List(CliContext cli)
    {
        var topic = new Option<string?>("--topic") { Description = "Only this topic." };
        var all = new Option<bool>("--all") { Description = "Include retracted facts." };
        var command = new Command("list", "List facts.") { topic, all };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var facts = host.Services.GetRequiredService<FactStore>().ListFacts(parseResult.GetValue(all))
                .Where(f => parseResult.GetValue(topic) is not { } t || f.Topic == t);
            foreach (var fact in facts)
            {
                var status = fact.Status == FactStatus.Retracted ? " [retracted]" : "";
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{fact.Id}\t{fact.Date}\t{fact.Topic}\t{TerminalText.Escape(fact.Statement, oneLine: true)}{status}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<int>("id");
        var command = new Command("show", "Show one fact, its source and its history.") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<FactStore>();
            if (store.FindFact(parseResult.GetValue(id)) is not { } fact)
            {
                await cli.Error.WriteLineAsync($"No fact with id {parseResult.GetValue(id)}; `facts list` shows them.");
                return ExitCodes.BadInput;
            }

            await cli.Output.WriteLineAsync(FactText.Describe(fact));
            foreach (var entry in store.AuditOf($"fact/{fact.Id}"))
            {
                await cli.Output.WriteLineAsync(AuditText.Line(entry));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Add(CliContext cli)
    {
        var options = new DraftOptions(required: true);
        var command = new Command("add", "Add a fact with its source.");
        options.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<FactCuration>().Add(options.Draft(parseResult, null), Actor);
            return await ReportAsync(cli, result);
        });
        return command;
    }

    private static Command Edit(CliContext cli)
    {
        var id = new Argument<int>("id");
        var version = new Option<int>("--version") { Description = "The version you are editing (from `facts show`); a newer one means someone else changed it.", Required = true };
        var options = new DraftOptions(required: false);
        var command = new Command("edit", "Edit a fact; options you leave out keep their value.") { id, version };
        options.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<FactStore>();
            var current = store.FindFact(parseResult.GetValue(id));
            if (current is null)
            {
                await cli.Error.WriteLineAsync($"No fact with id {parseResult.GetValue(id)}.");
                return ExitCodes.BadInput;
            }

            var result = host.Services.GetRequiredService<FactCuration>().Edit(current.Id, parseResult.GetValue(version), options.Draft(parseResult, current), Actor);
            return await ReportAsync(cli, result);
        });
        return command;
    }

    private static Command Retract(CliContext cli)
    {
        var id = new Argument<int>("id");
        var reason = new Option<string>("--reason") { Description = "Why; kept with the fact and in the audit.", Required = true };
        var command = new Command("retract", "Retract a fact; it is never cited again.") { id, reason };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<FactCuration>().Retract(parseResult.GetValue(id), parseResult.GetValue(reason)!, Actor);
            return await ReportAsync(cli, result);
        });
        return command;
    }

    private static Command Undo(CliContext cli)
    {
        var auditId = new Argument<int>("audit-id") { Description = "The audit entry to revert (`audit` lists them)." };
        var command = new Command("undo", "Revert the change an audit entry records.") { auditId };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<FactCuration>().Undo(parseResult.GetValue(auditId), Actor);
            return await ReportAsync(cli, result);
        });
        return command;
    }

    internal static string Actor => $"cli:{Environment.UserName}";

    internal static async Task<int> ReportAsync<T>(CliContext cli, CurationResult<T> result)
        where T : class
    {
        if (!result.Succeeded)
        {
            await cli.Error.WriteLineAsync(result.Message);
            return ExitCodes.BadInput;
        }

        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Message} (audit {result.AuditId})"));
        return ExitCodes.Success;
    }

    /// <summary>The options that describe a fact, shared by add and edit.</summary>
    private sealed class DraftOptions(bool required)
    {
        private readonly Option<string?> _statement = new("--statement") { Required = required };
        private readonly Option<string?> _date = new("--date") { Description = "YYYY, YYYY-MM or YYYY-MM-DD.", Required = required };
        private readonly Option<string?> _dateEnd = new("--date-end") { Description = "For a period." };
        private readonly Option<string?> _topic = new("--topic") { Description = string.Join(", ", Topics.All), Required = required };
        private readonly Option<int?> _article = new("--article") { Description = "Source: an article id in the store." };
        private readonly Option<string?> _quote = new("--quote") { Description = "The article's words that support the fact; the fact cites that passage." };
        private readonly Option<string?> _url = new("--url") { Description = "Source: the URL of a public source." };
        private readonly Option<string?> _sourceTitle = new("--source-title") { Description = "Title of the URL source." };
        private readonly Option<string?> _claimedBy = new("--claimed-by") { Description = "Whose account this is, when disputed." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _statement, _date, _dateEnd, _topic, _article, _quote, _url, _sourceTitle, _claimedBy })
            {
                command.Add(option);
            }
        }

        public FactDraft Draft(ParseResult parse, Fact? current) => new(
            parse.GetValue(_statement) ?? current?.Statement ?? "",
            parse.GetValue(_date) ?? current?.Date ?? "",
            parse.GetValue(_topic) ?? current?.Topic ?? "",
            parse.GetValue(_dateEnd) ?? current?.DateEnd,
            parse.GetValue(_article),
            parse.GetValue(_url) ?? (parse.GetValue(_article) is null ? current?.Source?.Url : null),
            parse.GetValue(_sourceTitle) ?? current?.Source?.Title,
            parse.GetValue(_quote),
            parse.GetValue(_claimedBy) ?? current?.ClaimedBy);
    }
}
