using System.CommandLine;
using System.Globalization;
using BackgroundBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>articles [--all]</c>: lists the articles in the store.</summary>
public static class ArticlesCommand
{
    public static Command Create(CliContext cli)
    {
        var all = new Option<bool>("--all") { Description = "Include superseded and removed articles." };
        var jsonOption = FactsCommand.JsonOption();
        var command = new Command("articles", "List the articles in the fact store.") { all, jsonOption };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<IKnowledgeStore>();
            var articles = store.ListArticles(includeInactive: parseResult.GetValue(all));
            var json = parseResult.GetValue(jsonOption);
            var table = new CliTable()
                .Column("ID", "id").Column("PUBLISHED", "published").Column("PASSAGES", "passages").Column("", "url", jsonOnly: true)
                .Column("", "publisher", jsonOnly: true).Column("", "status", jsonOnly: true).Column("", "statusReason", jsonOnly: true).Column("TITLE", "title");
            foreach (var article in articles)
            {
                var passages = store.PassagesOf(article.Id).Count;
                var date = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var status = article.Status == ArticleStatus.Active ? "" : $" [{article.Status.ToString().ToLowerInvariant()}: {article.StatusReason}]";
                var url = article.Url is null ? "" : $" — {article.Url}";
                table.Row(article.Id, json ? date : date ?? "undated", json ? passages : string.Create(CultureInfo.InvariantCulture, $"{passages} passages"),
                    article.Url, article.Publisher, article.Status.ToString().ToLowerInvariant(), article.StatusReason, json ? article.Title : $"{article.Title}{url}{status}");
            }

            await table.WriteAsync(cli, json, "The store holds no articles.");
            return ExitCodes.Success;
        });
        var id = CliValues.IdArgument("id", "The article to remove (`articles` lists them).", "an article");
        var reason = new Option<string>("--reason") { Description = "Why; kept in the audit.", Required = true };
        var remove = new Command("remove", "Remove an article: its passages are never cited again (undo with `facts undo`).") { id, reason };
        remove.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<BackgroundBot.Moderation.FactCuration>()
                .RemoveArticle(parseResult.GetValue(id), parseResult.GetValue(reason)!, cli.Actor(parseResult));
            return await FactsCommand.ReportAsync(cli, result);
        });
        command.Add(remove);
        return command;
    }
}
