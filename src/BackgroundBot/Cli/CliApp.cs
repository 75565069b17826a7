using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Cli;

/// <summary>The command line: verbs, exit codes, and the one place failures become a single line on standard error.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        Action<IHostApplicationBuilder>? configureHost = null,
        CancellationToken cancellationToken = default,
        bool? terminal = null)
    {
        // Lists get headers and fitted columns only for a person at a terminal; scripts reading a pipe get plain rows.
        var isTerminal = terminal ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);

        // Stored text (questions, suggestions, titles) reaches the terminal only with its control characters escaped.
        output = new TerminalSafeWriter(output);
        error = new TerminalSafeWriter(error);
        var cli = new CliContext(output, error, configureHost, isTerminal);
        var root = CreateRoot(cli);
        var parseResult = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (parseResult.CommandResult.Command.Name is "run" or "serve")
        {
            // System.CommandLine ends the process with 143 two seconds after SIGTERM; a bot finishes the answers in flight first
            // (HostOptions:ShutdownTimeout), so its host's own signal handling decides when it is done.
            invocation.ProcessTerminationTimeout = null;
        }

        if (parseResult.Errors.Count > 0)
        {
            await error.WriteLineAsync(CliUsage.Describe(parseResult));
            return ExitCodes.Usage;
        }

        // The edge of every verb and both servers: whatever fails becomes one line and exit 1; the details go to the log.
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync(CliFailure.Describe(ex));
            CliLog.Details(ex);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Every verb, with its options and arguments.</summary>
    public static RootCommand CreateRoot(CliContext cli)
    {
        ArgumentNullException.ThrowIfNull(cli);
        return new RootCommand("BackgroundBot: cited answers on the background of the Nagorno-Karabakh conflict, from a curated fact store.")
        {
            cli.Db,
            cli.By,
            AskCommand.Create(cli),
            EvalCommand.Create(cli),
            ImportCommand.Create(cli),
            ArticlesCommand.Create(cli),
            PassageCommand.Create(cli),
            EmbeddingsCommand.Create(cli),
            LoadPackCommand.Create(cli),
            TimelineCommand.Create(cli),
            SessionsCommand.Create(cli),
            FaqCommand.Create(cli),
            FactsCommand.Create(cli),
            AliasesCommand.Create(cli),
            AuditCommand.Create(cli),
            GapsCommand.Create(cli),
            ReviewCommand.Create(cli),
            RunCommand.Create(cli),
            ServeCommand.Create(cli),
            ExportCommand.CreateExport(cli),
            ExportCommand.CreateImport(cli),
            MigrateStoreCommand.Create(cli),
            BackupCommand.Create(cli),
            RestoreCommand.Create(cli),
            ProbeCommand.Create(cli),
        };
    }
}
