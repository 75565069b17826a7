using System.CommandLine;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary><c>aliases [--json]</c> lists the alias groups; <c>add</c>, <c>edit</c> and <c>remove</c> change them, audited and undoable.</summary>
public static class AliasesCommand
{
    public static Command Create(CliContext cli)
    {
        var json = FactsCommand.JsonOption();
        var command = new Command("aliases", "List place-name and other aliases used by retrieval; add, edit or remove them.") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var table = new CliTable().Column("ID", "id").Column("KIND", "kind").Column("BOTH", "showBoth").Column("NAMES", "names", jsonOnly: true).Column("", "note", jsonOnly: true).Column("NAMES", "text");
            foreach (var alias in host.Services.GetRequiredService<IKnowledgeStore>().ListAliases())
            {
                table.Row(alias.Id, alias.Kind.ToString(), parseResult.GetValue(json) ? alias.ShowBoth : alias.ShowBoth ? "both" : "", alias.Names, alias.Note, string.Join(" / ", alias.Names));
            }

            await table.WriteAsync(cli, parseResult.GetValue(json), "No aliases.");
            return ExitCodes.Success;
        });

        var names = new Argument<string[]>("names") { Arity = ArgumentArity.OneOrMore, Description = "Two or more names for the same thing (quote names with spaces)." };
        var both = Both();
        var kind = Kind();
        var add = new Command("add", "Add an alias group, or names to the one group that already holds one of them.") { names, both, kind };
        add.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<AliasCuration>()
                .Add(parseResult.GetRequiredValue(names), cli.Actor(parseResult), parseResult.GetValue(kind), parseResult.GetValue(both));
            return await FactsCommand.ReportAsync(cli, result);
        });

        var editName = new Argument<string>("name") { Description = "Any name of the group to change." };
        var editBoth = Both();
        var editKind = Kind();
        var edit = new Command("edit", "Change a group: whether answers give both names (--both, --both false) and its kind.") { editName, editBoth, editKind };
        edit.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<AliasCuration>()
                .Edit(parseResult.GetValue(editName)!, cli.Actor(parseResult), parseResult.GetValue(editKind), parseResult.GetValue(editBoth));
            return await FactsCommand.ReportAsync(cli, result);
        });

        var removeName = new Argument<string>("name") { Description = "The name to remove from its group (a group left with one name goes too)." };
        var remove = new Command("remove", "Remove a name from its alias group.") { removeName };
        remove.SetAction(async (parseResult, cancellationToken) =>
        {
            using var host = await cli.StartHostAsync(parseResult, cancellationToken);
            var result = host.Services.GetRequiredService<AliasCuration>().Remove(parseResult.GetValue(removeName)!, cli.Actor(parseResult));
            return await FactsCommand.ReportAsync(cli, result);
        });

        command.Add(add);
        command.Add(edit);
        command.Add(remove);
        return command;
    }

    private static Option<bool?> Both() => new("--both")
    {
        Description = "Each side uses one of the names: answers give both (Stepanakert (Khankendi)). `--both false` turns it off.",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return true;
            }

            if (bool.TryParse(result.Tokens[0].Value, out var value))
            {
                return value;
            }

            result.AddError($"--both expects true or false (or nothing, meaning true), not '{result.Tokens[0].Value}'.");
            return null;
        },
    };

    private static Option<AliasKind?> Kind()
    {
        var kinds = string.Join(", ", Enum.GetNames<AliasKind>().Select(k => k.ToLowerInvariant()));
        return new Option<AliasKind?>("--kind")
        {
            Description = $"What the names are for: {kinds}. A new group is a place.",
            HelpName = "KIND",
            CustomParser = result =>
            {
                var value = result.Tokens.Single().Value;
                if (Enum.TryParse<AliasKind>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
                {
                    return parsed;
                }

                result.AddError($"--kind expects one of {kinds}, not '{value}'.");
                return null;
            },
        };
    }
}
