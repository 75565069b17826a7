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
        var command = new Command("articles", "List the articles in the fact store.") { all };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<FactStore>();
            var articles = store.ListArticles(includeInactive: parseResult.GetValue(all));
            if (articles.Count == 0)
            {
                await cli.Output.WriteLineAsync("The store holds no articles.");
                return ExitCodes.Success;
            }

            foreach (var article in articles)
            {
                var passages = store.PassagesOf(article.Id).Count;
                var date = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
                var status = article.Status == ArticleStatus.Active ? "" : $" [{article.Status.ToString().ToLowerInvariant()}: {article.StatusReason}]";
                var url = article.Url is null ? "" : $" — {article.Url}";
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{article.Id}\t{date}\t{passages} passages\t{article.Title}{url}{status}"));
            }

            return ExitCodes.Success;
        });
        var id = new Argument<int>("id");
        var reason = new Option<string>("--reason") { Description = "Why; kept in the audit.", Required = true };
        var remove = new Command("remove", "Remove an article: its passages are never cited again (undo with `facts undo`).") { id, reason };
        remove.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<BackgroundBot.Moderation.FactCuration>()
                .RemoveArticle(parseResult.GetValue(id), parseResult.GetValue(reason)!, FactsCommand.Actor);
            return await FactsCommand.ReportAsync(cli, result);
        });
        command.Add(remove);
        return command;
    }
}
