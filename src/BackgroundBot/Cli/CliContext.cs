using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Cli;

/// <summary>What every verb shares: where it writes, the <c>--db</c> and <c>--by</c> options, and how its host is built.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, Action<IHostApplicationBuilder>? configureHost, bool terminal = false)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Extra host configuration (tests point the bot at fakes with it).</summary>
    public Action<IHostApplicationBuilder>? ConfigureHost { get; } = configureHost;

    /// <summary>Whether standard output is a terminal a person reads: lists get a header and columns that fit.</summary>
    public bool Terminal { get; } = terminal;

    public Option<string?> By { get; } = new("--by")
    {
        Description = "Who is making the change, as the audit records it (cli:NAME). Defaults to your OS user name.",
        HelpName = "NAME",
        Recursive = true,
    };

    public Option<string?> Db { get; } = new("--db")
    {
        Description = "The fact store file (LiteDB). Defaults to the Store:Path setting, data/backgroundbot.db.",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>The actor curation from this shell is audited as: <c>cli:</c> and <c>--by</c>, or the OS user.</summary>
    public string Actor(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var name = parseResult.GetValue(By);
        return $"cli:{(string.IsNullOrWhiteSpace(name) ? Environment.UserName : name.Trim())}";
    }

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
