using System.CommandLine;
using System.Globalization;
using BackgroundBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>passage ID</c>: shows one passage with the article it comes from.</summary>
public static class PassageCommand
{
    public static Command Create(CliContext cli)
    {
        var id = CliValues.IdArgument("id", "The passage id, as answers and imports show it.", "a passage");
        var command = new Command("passage", "Show one passage and its article.") { id };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var store = host.Services.GetRequiredService<IKnowledgeStore>();
            var passageId = parseResult.GetValue(id);
            if (store.FindPassage(passageId) is not { } passage || store.FindArticle(passage.ArticleId) is not { } article)
            {
                await cli.Error.WriteLineAsync($"No passage with id {passageId}; `ask` and `import` print passage ids.");
                return ExitCodes.BadInput;
            }

            var date = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Passage {passage.Id} (#{passage.Ordinal} of article {article.Id}, characters {passage.Start}-{passage.Start + passage.Length})"));
            await cli.Output.WriteLineAsync($"{article.Title} ({date}){(article.Url is null ? "" : " — " + article.Url)}");
            if (passage.Retired)
            {
                await cli.Output.WriteLineAsync($"Retired: its article is {article.Status.ToString().ToLowerInvariant()} ({article.StatusReason}); it is never cited.");
            }

            await cli.Output.WriteLineAsync();
            await cli.Output.WriteLineAsync(passage.Text);
            return ExitCodes.Success;
        });
        return command;
    }
}
