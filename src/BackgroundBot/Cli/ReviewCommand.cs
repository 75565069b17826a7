using System.CommandLine;
using System.Globalization;
using System.Text;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>review list|show|add|approve|reject</c>: the moderators' queue of suggestions and reports, from a shell.</summary>
public static class ReviewCommand
{
    public static Command Create(CliContext cli) =>
        new("review", "The moderators' review queue of suggestions and reports.") { List(cli), Show(cli), Add(cli), Approve(cli), Reject(cli) };

    private static Command List(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Include decided items." };
        var jsonOption = FactsCommand.JsonOption();
        var list = new Command("list", "List the queue (pending items unless --all).") { all, jsonOption };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var items = host.Services.GetRequiredService<IModerationStore>().ListSuggestions(parseResult.GetValue(all) ? null : SuggestionStatus.Pending);
            var table = new CliTable()
                .Column("ID", "id").Column("KIND", "kind").Column("STATUS", "status").Column("CREATED", "createdAt")
                .Column("", "factId", jsonOnly: true).Column("", "question", jsonOnly: true).Column("", "date", jsonOnly: true)
                .Column("", "topic", jsonOnly: true).Column("", "sourceUrl", jsonOnly: true).Column("", "reviewer", jsonOnly: true)
                .Column("", "reviewNote", jsonOnly: true).Column("", "resultFactId", jsonOnly: true).Column("TEXT", "text");
            var json = parseResult.GetValue(jsonOption);
            foreach (var item in items)
            {
                var about = item.FactId is { } fact ? string.Create(CultureInfo.InvariantCulture, $" (fact {fact})") : item.Question is null ? "" : $" (on \"{item.Question}\")";
                table.Row(json ? item.Id : $"#{item.Id}", item.Kind.ToString(), item.Status.ToString(), json ? item.CreatedAt : item.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    item.FactId, item.Question, item.Date, item.Topic, item.SourceUrl, item.Reviewer, item.ReviewNote, item.ResultFactId,
                    json ? item.Text : item.Text + about);
            }

            await table.WriteAsync(cli, json, "The review queue is empty.");
            return ExitCodes.Success;
        });
        return list;
    }

    private static Command Show(CliContext cli)
    {
        var id = CliValues.IdArgument("id", "The item to show (`review list` gives ids).", "a review");
        var show = new Command("show", "Show one item in full: what was proposed, by whom, about what, and what was decided.") { id };
        show.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<IModerationStore>();
            if (store.FindSuggestion(parseResult.GetValue(id)) is not { } item)
            {
                await cli.Error.WriteLineAsync($"No review item with id {parseResult.GetValue(id)}; `review list --all` lists them.");
                return ExitCodes.BadInput;
            }

            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"#{item.Id} {item.Kind} ({item.Status.ToString().ToLowerInvariant()}), from {item.ProposerId} on {item.CreatedAt:yyyy-MM-dd HH:mm}Z");
            text.AppendLine(item.Text);
            Field(text, "about fact", item.FactId?.ToString(CultureInfo.InvariantCulture));
            Field(text, "question answered", item.Question);
            Field(text, "date", item.Date);
            Field(text, "topic", item.Topic);
            Field(text, "source", item.SourceUrl);
            if (item.Status != SuggestionStatus.Pending)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{item.Status.ToString().ToLowerInvariant()} by {item.Reviewer} on {item.ReviewedAt:yyyy-MM-dd HH:mm}Z");
                Field(text, "note", item.ReviewNote);
                Field(text, "fact", item.ResultFactId?.ToString(CultureInfo.InvariantCulture));
            }

            if (item.FactId is { } about && host.Services.GetRequiredService<IKnowledgeStore>().FindFact(about) is { } fact)
            {
                text.AppendLine().AppendLine(FactText.Describe(fact));
            }

            await cli.Output.WriteLineAsync(text.ToString().TrimEnd());
            return ExitCodes.Success;
        });
        return show;
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {value}");
        }
    }

    private static Command Add(CliContext cli)
    {
        var text = new Argument<string>("text") { Description = "The proposed fact, or for --fact what should change, in quotes." };
        var date = new Option<string?>("--date") { Description = "When: YYYY, YYYY-MM or YYYY-MM-DD.", HelpName = "DATE" };
        var topic = CliValues.Topic("The proposed fact's topic.");
        var url = new Option<string?>("--url") { Description = "A public source for it.", HelpName = "URL" };
        var fact = CliValues.Id("--fact", "The fact this corrects (a correction rather than a new fact).", "a fact");
        var add = new Command("add", "Put a suggestion in the queue from the shell, for a moderator to approve or reject.") { text, date, topic, url, fact };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var actor = cli.Actor(parseResult);
            var result = host.Services.GetRequiredService<ReviewQueue>().Submit(
                new Suggestion
                {
                    Kind = parseResult.GetValue(fact) is null ? SuggestionKind.NewFact : SuggestionKind.Correction,
                    ProposerId = actor,
                    Text = parseResult.GetValue(text) ?? "",
                    Date = parseResult.GetValue(date),
                    Topic = parseResult.GetValue(topic),
                    SourceUrl = parseResult.GetValue(url),
                    FactId = parseResult.GetValue(fact),
                },
                actor);
            return await FactsCommand.ReportAsync(cli, result);
        });
        return add;
    }

    private static Command Approve(CliContext cli)
    {
        var approveId = CliValues.IdArgument("id", "The item to approve.", "a review");
        var statement = new Option<string?>("--statement") { Description = "The fact as it should be stored (defaults to the suggestion's text).", HelpName = "TEXT" };
        var date = new Option<string?>("--date") { Description = "Its date (defaults to the suggestion's).", HelpName = "DATE" };
        var topic = CliValues.Topic("Its topic (defaults to the suggestion's).");
        var url = new Option<string?>("--url") { Description = "Its source URL (defaults to the suggestion's).", HelpName = "URL" };
        var approve = new Command("approve", "Approve: a proposed fact is added, a correction edits its fact.") { approveId, statement, date, topic, url };
        approve.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<IModerationStore>();
            var item = store.FindSuggestion(parseResult.GetValue(approveId));
            FactDraft? draft = null;
            if (item is not null && (parseResult.GetValue(statement) ?? parseResult.GetValue(date) ?? parseResult.GetValue(topic) ?? parseResult.GetValue(url)) is not null)
            {
                draft = new FactDraft(
                    parseResult.GetValue(statement) ?? item.Text,
                    parseResult.GetValue(date) ?? item.Date ?? "",
                    parseResult.GetValue(topic) ?? item.Topic ?? "",
                    SourceUrl: parseResult.GetValue(url) ?? item.SourceUrl);
            }

            var result = host.Services.GetRequiredService<ReviewQueue>().Approve(parseResult.GetValue(approveId), cli.Actor(parseResult), draft);
            return await FactsCommand.ReportAsync(cli, result);
        });
        return approve;
    }

    private static Command Reject(CliContext cli)
    {
        var rejectId = CliValues.IdArgument("id", "The item to reject.", "a review");
        var reason = new Option<string>("--reason") { Description = "Told to the proposer.", Required = true };
        var reject = new Command("reject", "Reject, with a reason the proposer is told.") { rejectId, reason };
        reject.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<ReviewQueue>().Reject(parseResult.GetValue(rejectId), cli.Actor(parseResult), parseResult.GetValue(reason)!);
            return await FactsCommand.ReportAsync(cli, result);
        });
        return reject;
    }
}
