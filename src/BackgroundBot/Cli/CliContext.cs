using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Cli;

/// <summary>What every verb shares: where it writes, the <c>--db</c> option, and how its host is built.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, Action<IHostApplicationBuilder>? configureHost)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Extra host configuration (tests point the bot at fakes with it).</summary>
    public Action<IHostApplicationBuilder>? ConfigureHost { get; } = configureHost;

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The fact store file (LiteDB). Defaults to the Store:Path setting, data/backgroundbot.db.",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>Builds and starts the host for one verb; options are validated and the store seeded on first run.</summary>
    public Task<IHost> StartHostAsync(ParseResult parseResult, CancellationToken cancellationToken, bool seed = true) =>
        BotHost.StartAsync(parseResult.GetValue(Db), ConfigureHost, cancellationToken, seed, VerbOf(parseResult));

    /// <summary>The verb as typed, subcommands included (<c>facts retract</c>): how this process is named to another that finds the store taken.</summary>
    public static string VerbOf(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var names = new List<string>();
        for (var command = parseResult.CommandResult; command.Parent is CommandResult parent; command = parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return names.Count == 0 ? "BackgroundBot" : string.Join(' ', names);
    }
}
