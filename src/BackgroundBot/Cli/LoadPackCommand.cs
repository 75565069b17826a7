using System.CommandLine;
using BackgroundBot.Knowledge.Packs;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>load-pack [FILE]</c>: loads a fact pack (by default the bundled starter pack). Facts already in the store
/// (by key) are kept as they are, moderators' edits and retractions included.
/// </summary>
public static class LoadPackCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string?>("file")
        {
            Description = "A fact pack JSON file. Defaults to the bundled starter pack.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("load-pack", "Load a curated fact pack into the store.") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var loader = host.Services.GetRequiredService<FactPackLoader>();
            var path = parseResult.GetValue(file) ?? FactPackLoader.BundledPath;
            var result = loader.LoadFile(path, cli.Actor(parseResult));
            if (!result.Succeeded)
            {
                foreach (var problem in result.Problems)
                {
                    await cli.Error.WriteLineAsync(problem);
                }

                await cli.Error.WriteLineAsync("Nothing was loaded; the store is unchanged.");
                return ExitCodes.BadInput;
            }

            await cli.Output.WriteLineAsync($"{Path.GetFileName(path)}: {result.FactsAdded} facts added, {result.FactsKept} already in the store, {result.AliasesAdded} alias groups added.");
            return ExitCodes.Success;
        });
        return command;
    }
}
