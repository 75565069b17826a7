using System.CommandLine;
using System.Globalization;
using BackgroundBot.Knowledge;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>import FILE|FOLDER... [--title T] [--url U] [--date YYYY-MM-DD] [--strict]</c>: every file (a folder stands for
/// its supported files) is read and checked before any is stored, so one bad file leaves the store exactly as it was.
/// An article without a URL or a date is imported with a warning, since it will be cited without a link or a date;
/// <c>--strict</c> refuses it.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("files") { Description = ".txt, .md or .html articles, or folders holding them (their supported files are imported).", Arity = ArgumentArity.OneOrMore, HelpName = "FILE|FOLDER" };
        var strict = new Option<bool>("--strict") { Description = "Refuse an article with no URL or no publication date (otherwise imported with a warning)." };
        var title = new Option<string?>("--title") { Description = "Title, overriding the file's own.", HelpName = "TITLE" };
        var url = new Option<string?>("--url") { Description = "Source URL, overriding the file's own.", HelpName = "URL" };
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

                result.AddError($"--date expects a date such as 2023-05-02, not '{value}'.");
                return null;
            },
        };
        var command = new Command("import", "Import articles into the fact store: all of them, or none when one is refused.") { files, title, url, date, strict };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // Checked before the store is opened: a usage error never creates or touches it.
            var (paths, folderProblems) = Expand(parseResult.GetRequiredValue(files));
            if (paths.Count > 1 && (parseResult.GetValue(title) is not null || parseResult.GetValue(url) is not null))
            {
                await cli.Error.WriteLineAsync($"--title and --url describe one article, and this import holds {paths.Count}; import one file at a time to set them. {CliUsage.Hint}");
                return ExitCodes.Usage;
            }

            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var reader = host.Services.GetRequiredService<ArticleReader>();
            var importer = host.Services.GetRequiredService<ArticleImporter>();
            var overrides = new ArticleMetadata(parseResult.GetValue(title), parseResult.GetValue(url), parseResult.GetValue(date));

            var read = paths.Select(f => reader.ReadFile(f, overrides)).ToList();
            var problems = folderProblems.Concat(read.Where(r => r.Article is null).Select(r => r.Error!)).ToList();
            var missing = read.Where(r => r.Article is { } a && (a.Url is null || a.Published is null)).Select(r => Missing(r.Article!)).ToList();
            if (parseResult.GetValue(strict))
            {
                problems.AddRange(missing.Select(m => $"{m} --strict refuses it."));
            }

            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await cli.Error.WriteLineAsync(problem);
                }

                await cli.Error.WriteLineAsync("Nothing was imported; the store is unchanged.");
                return ExitCodes.BadInput;
            }

            foreach (var warning in missing)
            {
                await cli.Error.WriteLineAsync($"warning: {warning} Imported anyway; add the header, or use --strict to refuse such files.");
            }

            var actor = cli.Actor(parseResult);
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

    /// <summary>The files to read: each file as given, each folder's supported files in name order.</summary>
    private static (List<string> Files, List<string> Problems) Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var problems = new List<string>();
        foreach (var path in arguments)
        {
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            var supported = Directory.EnumerateFiles(path)
                .Where(f => ArticleReader.SupportedExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (supported.Count == 0)
            {
                problems.Add($"{path} holds no .txt, .md or .html files.");
            }

            files.AddRange(supported);
        }

        return (files, problems);
    }

    /// <summary>What an article lacks that a citation shows: a link, a date.</summary>
    private static string Missing(ParsedArticle article)
    {
        var lacks = (article.Url is null, article.Published is null) switch
        {
            (true, true) => "no URL and no date: it will be cited without a link or a date",
            (true, false) => "no URL: it will be cited without a link",
            _ => "no publication date: it will be cited undated",
        };
        return $"{article.SourceFile} has {lacks} (add url: and date: headers, or --url and --date).";
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
