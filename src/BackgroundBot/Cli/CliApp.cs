using System.CommandLine;
using BackgroundBot.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Cli;

/// <summary>The command line: verbs, exit codes, and the one place failures become a single line on standard error.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        Action<IHostApplicationBuilder>? configureHost = null,
        CancellationToken cancellationToken = default)
    {
        var cli = new CliContext(output, error, configureHost);
        var root = new RootCommand("BackgroundBot: cited answers on the background of the Nagorno-Karabakh conflict, from a curated fact store.")
        {
            cli.Db,
            AskCommand.Create(cli),
            EvalCommand.Create(cli),
            ImportCommand.Create(cli),
            ArticlesCommand.Create(cli),
            PassageCommand.Create(cli),
            EmbeddingsCommand.Create(cli),
            LoadPackCommand.Create(cli),
            TimelineCommand.Create(cli),
            FactsCommand.Create(cli),
            AliasesCommand.Create(cli),
            AuditCommand.Create(cli),
            GapsCommand.Create(cli),
            ReviewCommand.Create(cli),
            RunCommand.Create(cli),
            ServeCommand.Create(cli),
            ExportCommand.CreateExport(cli),
            ExportCommand.CreateImport(cli),
        };

        var parseResult = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Configuration error: {string.Join(" ", ex.Failures)}");
            return ExitCodes.BadInput;
        }
        catch (BackgroundBot.Answering.Generative.PromptLoadException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitCodes.BadInput;
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
