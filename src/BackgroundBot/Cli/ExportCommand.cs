using System.CommandLine;
using BackgroundBot.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>export --out FILE.json</c> and <c>import-pack FILE.json</c>: the whole curated store, out and back.</summary>
public static class ExportCommand
{
    public static Command CreateExport(CliContext cli)
    {
        var output = new Option<string>("--out") { Description = "The JSON file to write.", Required = true, HelpName = "FILE.json" };
        var command = new Command("export", "Write the whole store (articles, passages, facts, aliases, audit, gaps, review queue, answers and their votes) as versioned JSON.") { output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var transfer = host.Services.GetRequiredService<StoreTransfer>();
            var path = parseResult.GetValue(output)!;
            transfer.ExportTo(path);
            var snapshot = transfer.Export();
            await cli.Output.WriteLineAsync(
                $"Exported {Counts(snapshot)} to {path}.");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateImport(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "A file written by export.", HelpName = "FILE.json" };
        var command = new Command("import-pack", "Restore an export into an empty store: every problem is reported first, then all is imported or nothing.") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken, seed: false);
            var transfer = host.Services.GetRequiredService<StoreTransfer>();
            var problems = transfer.Check(parseResult.GetValue(file)!, out var snapshot);
            var refusal = problems.Count == 0 ? transfer.Import(snapshot!) : null;
            if (problems.Count > 0 || refusal is not null)
            {
                foreach (var problem in refusal is null ? problems : [refusal])
                {
                    await cli.Error.WriteLineAsync(problem);
                }

                await cli.Error.WriteLineAsync("Nothing was imported; the store is unchanged.");
                return ExitCodes.BadInput;
            }

            await cli.Output.WriteLineAsync($"Imported {Counts(snapshot!)}.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Counts(StoreSnapshot snapshot) =>
        $"{snapshot.Articles?.Count ?? 0} articles, {snapshot.Passages?.Count ?? 0} passages, {snapshot.Facts?.Count ?? 0} facts, {snapshot.Aliases?.Count ?? 0} aliases, "
        + $"{snapshot.Audit?.Count ?? 0} audit entries, {snapshot.Gaps?.Count ?? 0} gaps, {snapshot.ReviewQueue?.Count ?? 0} review items, "
        + $"{snapshot.Answers?.Count ?? 0} answers and {snapshot.Feedback?.Count ?? 0} votes";
}
