using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>audit [--recent N] [--item ID] [--subject fact/12] [--actor A] [--action X] [--since DATE] [--json]</c>: who
/// changed what, when; <c>--item</c> shows one change field by field.
/// </summary>
public static partial class AuditCommand
{
    /// <summary>Every action the store audits; <c>--action</c> takes one of these or the part before the dot (<c>fact</c>).</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "article.import", "article.supersede", "article.remove", "article.undo",
        "fact.add", "fact.edit", "fact.retract", "fact.link", "fact.undo",
        "alias.add", "alias.edit", "alias.remove", "alias.undo",
        "suggestion.submit", "suggestion.approve", "suggestion.reject",
        "gap.dismiss", "gap.undo",
    ];

    private static readonly string[] Kinds = ["fact", "article", "alias", "suggestion", "gap"];

    public static Command Create(CliContext cli)
    {
        var recent = CliValues.Count("--recent", "How many entries, newest first. Defaults to 20 (with --subject, the whole history).", "20");
        var item = CliValues.Id("--item", "Show one entry in full: what changed, field by field.", "an audit entry");
        var subject = new Option<string?>("--subject") { Description = $"Every entry about one thing: {string.Join(", ", Kinds)} and an id, e.g. fact/12.", HelpName = "KIND/ID" };
        subject.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !SubjectForm().IsMatch(result.Tokens[0].Value))
            {
                result.AddError($"--subject expects a kind and an id such as fact/12 (kinds: {string.Join(", ", Kinds)}), not '{result.Tokens[0].Value}'.");
            }
        });
        var actor = new Option<string?>("--actor") { Description = "Only changes by this actor: as shown (cli:alice, discord:123) or the name alone (alice).", HelpName = "NAME" };
        var action = new Option<string?>("--action") { Description = "Only this action (fact.edit) or kind of action (fact).", HelpName = "ACTION" };
        action.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !Actions.Contains(result.Tokens[0].Value) && !Kinds.Contains(result.Tokens[0].Value))
            {
                result.AddError($"--action expects one of {string.Join(", ", Kinds)} or {string.Join(", ", Actions)}, not '{result.Tokens[0].Value}'.");
            }
        });
        var since = CliValues.Since("--since", "Only changes on or after this day (UTC).");
        var json = FactsCommand.JsonOption();
        var command = new Command("audit", "Show the audit log: who changed what, when.") { recent, item, subject, actor, action, since, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<IKnowledgeStore>();
            var undo = host.Services.GetRequiredService<AuditUndo>();
            if (parseResult.GetValue(item) is { } id)
            {
                if (store.FindAudit(id) is not { } entry)
                {
                    await cli.Error.WriteLineAsync($"No audit entry with id {id}; `audit` lists them.");
                    return ExitCodes.BadInput;
                }

                if (parseResult.GetValue(json))
                {
                    await Table([entry], undo).WriteAsync(cli, json: true, "");
                    return ExitCodes.Success;
                }

                await cli.Output.WriteLineAsync(AuditText.Full(entry, undo.UndoneBy(entry)));
                return ExitCodes.Success;
            }

            IEnumerable<AuditEntry> entries = parseResult.GetValue(subject) is { } s ? store.AuditOf(s) : store.AllAudit().Reverse();
            if (parseResult.GetValue(actor) is { } who)
            {
                entries = entries.Where(e => string.Equals(e.Actor, who, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(e.Actor[(e.Actor.IndexOf(':', StringComparison.Ordinal) + 1)..], who, StringComparison.OrdinalIgnoreCase));
            }

            if (parseResult.GetValue(action) is { } what)
            {
                entries = entries.Where(e => e.Action == what || e.Action.StartsWith(what + ".", StringComparison.Ordinal));
            }

            if (parseResult.GetValue(since) is { } from)
            {
                entries = entries.Where(e => e.At >= from);
            }

            var limit = parseResult.GetValue(recent) ?? (parseResult.GetValue(subject) is null ? 20 : int.MaxValue);
            await Table(entries.Take(limit).ToList(), undo).WriteAsync(cli, parseResult.GetValue(json), "No audit entries match.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static CliTable Table(IReadOnlyList<AuditEntry> entries, AuditUndo undo)
    {
        var table = new CliTable()
            .Column("ID", "id").Column("AT", "at").Column("ACTOR", "actor").Column("ACTION", "action").Column("SUBJECT", "subject")
            .Column("", "undoes", jsonOnly: true).Column("", "undoneBy", jsonOnly: true).Column("", "before", jsonOnly: true).Column("", "after", jsonOnly: true)
            .Column("NOTE", "note");
        foreach (var entry in entries)
        {
            var undoneBy = undo.UndoneBy(entry)?.Id;
            var note = undoneBy is { } by ? string.Create(CultureInfo.InvariantCulture, $"undone by {by}")
                : entry.Undoes is { } of ? string.Create(CultureInfo.InvariantCulture, $"undoes {of}") : "";
            table.Row(entry.Id, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Undoes, undoneBy,
                entry.Before is null ? null : JsonNode.Parse(entry.Before), entry.After is null ? null : JsonNode.Parse(entry.After), note);
        }

        return table;
    }

    [GeneratedRegex(@"^(fact|article|alias|suggestion|gap)/[1-9][0-9]{0,9}$")]
    private static partial Regex SubjectForm();
}
