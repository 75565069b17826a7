using System.CommandLine;
using System.Globalization;
using BackgroundBot.Knowledge;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>import FILE... [--title T] [--url U] [--date YYYY-MM-DD]</c>: every file is read and checked before any is
/// stored, so one bad file leaves the store exactly as it was.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("files") { Description = ".txt, .md or .html articles.", Arity = ArgumentArity.OneOrMore };
        var title = new Option<string?>("--title") { Description = "Title, overriding the file's own." };
        var url = new Option<string?>("--url") { Description = "Source URL, overriding the file's own." };
        var date = new Option<DateOnly?>("--date")
        {
            Description = "Publication date, overriding the file's own.",
            HelpName = "YYYY-MM-DD",
            CustomParser = result =>
            {
                var value = result.Tokens.Single().Value;
                if (ArticleHeaders.TryDate(value, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--date '{value}' is not a YYYY-MM-DD date.");
                return null;
            },
        };
        var command = new Command("import", "Import articles into the fact store.") { files, title, url, date };
        command.Validators.Add(result =>
        {
            if (result.GetValue(files) is { Length: > 1 } && (result.GetValue(title) is not null || result.GetValue(url) is not null))
            {
                result.AddError("--title and --url describe one article; import one file at a time to set them.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var reader = host.Services.GetRequiredService<ArticleReader>();
            var importer = host.Services.GetRequiredService<ArticleImporter>();
            var overrides = new ArticleMetadata(parseResult.GetValue(title), parseResult.GetValue(url), parseResult.GetValue(date));

            var read = parseResult.GetRequiredValue(files).Select(f => reader.ReadFile(f, overrides)).ToList();
            var refused = read.Where(r => r.Article is null).ToList();
            if (refused.Count > 0)
            {
                foreach (var failure in refused)
                {
                    await cli.Error.WriteLineAsync(failure.Error);
                }

                await cli.Error.WriteLineAsync("Nothing was imported; the store is unchanged.");
                return ExitCodes.BadInput;
            }

            var actor = $"cli:{Environment.UserName}";
            var exitCode = ExitCodes.Success;
            foreach (var article in read.Select(r => r.Article!))
            {
                var passages = ArticleImporter.Preview(article).Passages.Count;
                var result = await ImportProgressDisplay.RunAsync(
                    cli.Output, article.SourceFile, passages, progress => importer.Import(article, actor, progress, cancellationToken));
                if (!result.Succeeded)
                {
                    await cli.Error.WriteLineAsync(result.Message);
                    exitCode = ExitCodes.BadInput;
                    continue;
                }

                await cli.Output.WriteLineAsync(result.Message);
                if (result.Outcome != ImportOutcome.Unchanged)
                {
                    await WritePassagesAsync(cli.Output, result.Passages!);
                }
            }

            var semantic = host.Services.GetRequiredService<SemanticSearch>();
            if (semantic.Enabled)
            {
                var embedded = await semantic.EmbedMissingAsync(new ProgressLines(cli.Output, "embedded"), cancellationToken);
                await cli.Output.WriteLineAsync($"Embedded {embedded} passages with {semantic.Model}.");
            }

            return exitCode;
        });
        return command;
    }

    private static async Task WritePassagesAsync(TextWriter output, IReadOnlyList<Passage> passages)
    {
        foreach (var passage in passages)
        {
            var words = passage.Text.Split(' ');
            var opening = words.Length <= 12 ? passage.Text : string.Join(' ', words.Take(12)) + " …";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  passage {passage.Id} (#{passage.Ordinal}, {words.Length} words): {opening}"));
        }
    }
}
