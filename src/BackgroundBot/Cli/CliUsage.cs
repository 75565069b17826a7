using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace BackgroundBot.Cli;

/// <summary>
/// A command line that does not parse, as one line a person can act on: the unknown verb and the verbs there are,
/// "put the question in quotes", what a value should look like. Never System.CommandLine's pile of messages or a
/// .NET type name.
/// </summary>
public static partial class CliUsage
{
    public const string Hint = "Run with --help for usage.";

    public static string Describe(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var command = parseResult.CommandResult.Command;
        var verb = CliContext.VerbOf(parseResult);
        var unmatched = parseResult.UnmatchedTokens;
        var subcommands = command.Subcommands.Select(c => c.Name).ToList();

        if (unmatched.FirstOrDefault(t => t.StartsWith("--", StringComparison.Ordinal)) is { } option)
        {
            return $"Unknown option '{option}' for {verb}; `{verb} --help` lists its options.";
        }

        // "ask Who were the co-chairs?": every word after the first is an unmatched token.
        if (command.Name == "ask" && unmatched.Count > 0)
        {
            var first = parseResult.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value);
            return $"Put the question in quotes: ask \"{string.Join(' ', first.Concat(unmatched))}\"";
        }

        if (subcommands.Count > 0 && (unmatched.Count > 0 || parseResult.Errors.Any(e => e.Message.StartsWith("Required command", StringComparison.Ordinal))))
        {
            var what = command is RootCommand ? "verb" : $"{verb} verb";
            var list = string.Join(", ", subcommands);
            return unmatched.Count > 0
                ? $"Unknown {what} '{unmatched[0]}'; the {what}s are {list}. {Hint}"
                : $"Give a {what}: {list}. {Hint}";
        }

        if (unmatched.Count > 0)
        {
            return $"Unexpected '{unmatched[0]}' after {verb}; put text with spaces in quotes. {Hint}";
        }

        var message = parseResult.Errors[0].Message;
        if (TypeFailure().Match(message) is { Success: true } failure)
        {
            // A value System.CommandLine could not convert, for a symbol without a parser of our own.
            message = $"{failure.Groups["name"].Value} expects {Friendly(failure.Groups["type"].Value)}, not '{failure.Groups["value"].Value}'.";
        }

        return $"{message} {Hint}";
    }

    private static string Friendly(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number such as 12",
        _ when type.Contains("Double", StringComparison.Ordinal) => "a number such as 0.5",
        _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date such as 2024-06-12",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "another kind of value",
    };

    // "Cannot parse argument 'abc' for option '--from' as expected type 'System.Nullable`1[System.Int32]'."
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<name>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex TypeFailure();
}
