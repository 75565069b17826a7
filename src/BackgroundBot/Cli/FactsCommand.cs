using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>facts list|search|show|add|edit|retract|undo</c>: curation from a shell, with the same checks and audit as Discord.</summary>
public static class FactsCommand
{
    public static Command Create(CliContext cli) => new("facts", "List, search, show, add, edit, retract facts, and undo changes.")
    {
        List(cli), Search(cli), Show(cli), Add(cli), Edit(cli), Retract(cli), Undo(cli),
    };

    /// <summary>The <c>--json</c> every list verb takes.</summary>
    internal static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON array with every field, for scripts." };

    private static Command List(CliContext cli)
    {
        var topic = CliValues.Topic("Only this topic.");
        var all = new Option<bool>("--all") { Description = "Include retracted facts." };
        var json = JsonOption();
        var command = new Command("list", "List facts (a header and fitted columns on a terminal; tab-separated when redirected).") { topic, all, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var facts = host.Services.GetRequiredService<IKnowledgeStore>().ListFacts(parseResult.GetValue(all))
                .Where(f => parseResult.GetValue(topic) is not { } t || f.Topic == t);
            await Table(facts).WriteAsync(cli, parseResult.GetValue(json), "No facts match.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Search(CliContext cli)
    {
        var text = new Argument<string>("text") { Description = "Words to look for, in quotes; found by words and by meaning, as answers find them." };
        var limit = CliValues.Count("--limit", "At most this many facts. Defaults to 10.", "10");
        var json = JsonOption();
        var command = new Command("search", "Find live facts with the retrieval answers use (aliases, misspellings, meaning).") { text, limit, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var facts = await host.Services.GetRequiredService<FactSearch>()
                .SearchAsync(parseResult.GetValue(text) ?? "", parseResult.GetValue(limit) ?? 10, cancellationToken);
            await Table(facts).WriteAsync(cli, parseResult.GetValue(json), "No fact matches.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static CliTable Table(IEnumerable<Fact> facts)
    {
        var table = new CliTable()
            .Column("ID", "id").Column("VER", "version").Column("DATE", "date").Column("TOPIC", "topic").Column("STATUS", "status")
            .Column("", "dateEnd", jsonOnly: true).Column("", "claimedBy", jsonOnly: true).Column("", "citations", jsonOnly: true)
            .Column("", "source", jsonOnly: true).Column("STATEMENT", "statement");
        foreach (var fact in facts)
        {
            var source = fact.Source is null ? null : JsonSerializer.SerializeToNode(fact.Source, AuditJson.Options);
            table.Row(fact.Id, fact.Version, fact.Date, fact.Topic, fact.Status.ToString().ToLowerInvariant(),
                fact.DateEnd, fact.ClaimedBy, fact.Citations, source, fact.Statement);
        }

        return table;
    }

    private static Command Show(CliContext cli)
    {
        var id = CliValues.IdArgument("id", "The fact to show (`facts list` or `facts search` gives ids).", "a fact");
        var command = new Command("show", "Show one fact, its source and its history.") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<IKnowledgeStore>();
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
        var force = new Option<bool>("--force") { Description = "Add it even though a live fact already says nearly the same." };
        var command = new Command("add", "Add a fact with its source: --article ID [--quote Q], or --url URL [--source-title T].") { force };
        options.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<FactCuration>().Add(options.Draft(parseResult), cli.Actor(parseResult), parseResult.GetValue(force));
            return await ReportAsync(cli, result);
        });
        return command;
    }

    private static Command Edit(CliContext cli)
    {
        var id = CliValues.IdArgument("id", "The fact to edit.", "a fact");
        var version = new Option<int>("--version") { Description = "The version you are editing (from `facts show`); a newer one means someone else changed it.", Required = true, HelpName = "V" };
        var options = new DraftOptions(required: false);
        var command = new Command("edit", "Edit a fact: only the options you give change; source, its date, citations and quote are kept.") { id, version };
        options.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<FactCuration>()
                .Edit(parseResult.GetValue(id), parseResult.GetValue(version), options.Edit(parseResult), cli.Actor(parseResult));
            return await ReportAsync(cli, result);
        });
        return command;
    }

    private static Command Retract(CliContext cli)
    {
        var id = CliValues.IdArgument("id", "The fact to retract.", "a fact");
        var reason = new Option<string>("--reason") { Description = "Why; kept with the fact and in the audit.", Required = true };
        var command = new Command("retract", "Retract a fact; it is never cited again.") { id, reason };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<FactCuration>().Retract(parseResult.GetValue(id), parseResult.GetValue(reason)!, cli.Actor(parseResult));
            return await ReportAsync(cli, result);
        });
        return command;
    }

    private static Command Undo(CliContext cli)
    {
        var auditId = CliValues.IdArgument("audit-id", "The audit entry to revert (`audit` lists them).", "an audit entry");
        var cascade = new Option<bool>("--cascade") { Description = "Also undo the later changes to the same item, newest first (undo refuses to overwrite them otherwise)." };
        var command = new Command("undo", "Revert the change an audit entry records (facts, articles, aliases, gaps).") { auditId, cascade };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<AuditUndo>().Undo(parseResult.GetValue(auditId), cli.Actor(parseResult), parseResult.GetValue(cascade));
            return await ReportAsync(cli, result);
        });
        return command;
    }

    internal static async Task<int> ReportAsync<T>(CliContext cli, CurationResult<T> result)
        where T : class
    {
        if (result.Outcome == CurationOutcome.Unchanged)
        {
            await cli.Output.WriteLineAsync(result.Message);
            return ExitCodes.Success;
        }

        if (!result.Succeeded)
        {
            await cli.Error.WriteLineAsync(result.Message);
            return ExitCodes.BadInput;
        }

        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Message} (audit {result.AuditId})"));
        return ExitCodes.Success;
    }

    /// <summary>The options that describe a fact, shared by add and edit.</summary>
    private sealed class DraftOptions
    {
        private readonly Option<string?> _statement;
        private readonly Option<string?> _date;
        private readonly Option<string?> _dateEnd = new("--date-end") { Description = "The end of a period (YYYY, YYYY-MM or YYYY-MM-DD).", HelpName = "DATE" };
        private readonly Option<string?> _topic;
        private readonly Option<int?> _article = CliValues.Id("--article", "Source: an article in the store (`articles` lists them).", "an article");
        private readonly Option<string?> _quote = new("--quote") { Description = "The article's words that support the fact; the fact cites that passage. On an edit alone, looked up in the fact's source article." };
        private readonly Option<string?> _url = new("--url") { Description = "Source: the http(s) URL of a public source (not with --article).", HelpName = "URL" };
        private readonly Option<string?> _sourceTitle = new("--source-title") { Description = "Title of the URL source (defaults to its host).", HelpName = "TITLE" };
        private readonly Option<string?> _claimedBy = new("--claimed-by") { Description = "Whose account this is, when the sides dispute it.", HelpName = "PARTY" };

        public DraftOptions(bool required)
        {
            _statement = new("--statement") { Description = "The fact in one neutral sentence; say whose claim it is.", Required = required, HelpName = "TEXT" };
            _date = new("--date") { Description = "When: YYYY, YYYY-MM or YYYY-MM-DD (the start of a period).", Required = required, HelpName = "DATE" };
            _topic = CliValues.Topic("The fact's topic.", required);
        }

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _statement, _date, _dateEnd, _topic, _article, _quote, _url, _sourceTitle, _claimedBy })
            {
                command.Add(option);
            }

            // Two sources for one fact: refusing beats silently keeping one of them.
            command.Validators.Add(result =>
            {
                if (result.GetResult(_article) is { Implicit: false } && result.GetResult(_url) is { Implicit: false })
                {
                    result.AddError("--article and --url are two sources; a fact has one: give --article ID or --url URL.");
                }
            });
        }

        public FactDraft Draft(ParseResult parse) => new(
            parse.GetValue(_statement) ?? "",
            parse.GetValue(_date) ?? "",
            parse.GetValue(_topic) ?? "",
            parse.GetValue(_dateEnd),
            parse.GetValue(_article),
            parse.GetValue(_url),
            parse.GetValue(_sourceTitle),
            parse.GetValue(_quote),
            parse.GetValue(_claimedBy));

        public FactEdit Edit(ParseResult parse) => new()
        {
            Statement = parse.GetValue(_statement),
            Date = parse.GetValue(_date),
            DateEnd = parse.GetValue(_dateEnd),
            Topic = parse.GetValue(_topic),
            ClaimedBy = parse.GetValue(_claimedBy),
            ArticleId = parse.GetValue(_article),
            SourceUrl = parse.GetValue(_url),
            SourceTitle = parse.GetValue(_sourceTitle),
            Quote = parse.GetValue(_quote),
        };
    }
}
