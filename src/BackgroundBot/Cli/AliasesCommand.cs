using System.CommandLine;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>aliases</c> lists the alias groups; <c>aliases add NAME OTHER... [--both]</c> adds one.</summary>
public static class AliasesCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("aliases", "List place-name and other aliases used by retrieval.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            foreach (var alias in host.Services.GetRequiredService<FactStore>().ListAliases())
            {
                await cli.Output.WriteLineAsync($"{alias.Id}\t{alias.Kind}\t{(alias.ShowBoth ? "both" : "")}\t{string.Join(" / ", alias.Names)}");
            }

            return ExitCodes.Success;
        });

        var names = new Argument<string[]>("names") { Arity = ArgumentArity.OneOrMore, Description = "Two or more names for the same thing." };
        var both = new Option<bool>("--both") { Description = "Each side uses one of the first two names: answers give both." };
        var kind = new Option<AliasKind>("--kind") { Description = "Place, Party or Organisation.", DefaultValueFactory = _ => AliasKind.Place };
        var add = new Command("add", "Add an alias group (or names to an existing one).") { names, both, kind };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<FactCuration>()
                .AddAlias(parseResult.GetRequiredValue(names), FactsCommand.Actor, parseResult.GetValue(kind), parseResult.GetValue(both));
            return await FactsCommand.ReportAsync(cli, result);
        });
        command.Add(add);
        return command;
    }
}
