using System.CommandLine;
using System.Globalization;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>review list|approve|reject</c>: the moderators' queue of suggestions and reports, from a shell.</summary>
public static class ReviewCommand
{
    public static Command Create(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Include decided items." };
        var list = new Command("list", "List the queue (pending items unless --all).") { all };
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var items = host.Services.GetRequiredService<FactStore>().ListSuggestions(parseResult.GetValue(all) ? null : SuggestionStatus.Pending);
            foreach (var item in items)
            {
                var about = item.FactId is { } fact ? string.Create(CultureInfo.InvariantCulture, $" (fact {fact})") : item.Question is null ? "" : $" (on \"{TerminalText.Escape(item.Question, oneLine: true)}\")";
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"#{item.Id}\t{item.Kind}\t{item.Status}\t{item.CreatedAt:yyyy-MM-dd}\t{TerminalText.Escape(item.Text, oneLine: true)}{about}"));
            }

            if (items.Count == 0)
            {
                await cli.Output.WriteLineAsync("The review queue is empty.");
            }

            return ExitCodes.Success;
        });

        var approveId = new Argument<int>("id");
        var statement = new Option<string?>("--statement") { Description = "The fact as it should be stored (defaults to the suggestion's text)." };
        var date = new Option<string?>("--date");
        var topic = new Option<string?>("--topic");
        var url = new Option<string?>("--url");
        var approve = new Command("approve", "Approve: a proposed fact is added, a correction edits its fact.") { approveId, statement, date, topic, url };
        approve.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<FactStore>();
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

            var result = host.Services.GetRequiredService<ReviewQueue>().Approve(parseResult.GetValue(approveId), FactsCommand.Actor, draft);
            return await FactsCommand.ReportAsync(cli, result);
        });

        var rejectId = new Argument<int>("id");
        var reason = new Option<string>("--reason") { Description = "Told to the proposer.", Required = true };
        var reject = new Command("reject", "Reject, with a reason the proposer is told.") { rejectId, reason };
        reject.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<ReviewQueue>().Reject(parseResult.GetValue(rejectId), FactsCommand.Actor, parseResult.GetValue(reason)!);
            return await FactsCommand.ReportAsync(cli, result);
        });

        return new Command("review", "The moderators' review queue of suggestions and reports.") { list, approve, reject };
    }
}
