using System.Reflection;
using System.Text.RegularExpressions;
using BackgroundBot.Answering.Generative;
using BackgroundBot.Knowledge;
using LiteDB;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Cli;

/// <summary>What the operator is told when a verb fails: one line saying what to fix, never a stack trace.</summary>
public static partial class CliFailure
{
    public const string DetailsHint = "Details are logged at debug level (set Logging__LogLevel__Default=Debug).";

    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failure = Unwrap(exception);
        var line = failure switch
        {
            StoreUnavailableException or StoreBusyException or PromptLoadException => failure.Message,
            OptionsValidationException invalid => $"Configuration error: {string.Join(" ", invalid.Failures)}",
            InvalidOperationException when BindingFailure().Match(failure.Message) is { Success: true } binding =>
                $"Configuration error: the setting {binding.Groups["key"].Value} is not a valid {Friendly(binding.Groups["type"].Value)} "
                + $"(environment variable {binding.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal)}); fix or remove it.",
            _ when FromLiteDb(failure) => $"The fact store could not be read or written ({failure.Message}). If it is damaged, restore your latest backup with `restore BACKUP.db` (README, \"Backup and restore\"). {DetailsHint}",
            IOException or UnauthorizedAccessException => $"{failure.Message} {DetailsHint}",
            _ => $"Failed: {failure.Message} ({failure.GetType().Name}). {DetailsHint}",
        };
        return TerminalText.Escape(line, oneLine: true);
    }

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };

    /// <summary>LiteDB reading a damaged page fails with whatever its decoder meets (a bad UTF-8 byte, an index out of range), not only LiteException.</summary>
    private static bool FromLiteDb(Exception failure) =>
        failure is LiteException
        || new System.Diagnostics.StackTrace(failure).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(LiteException).Assembly);

    private static string Friendly(string type) => type switch
    {
        "System.Double" or "System.Single" or "System.Decimal" => "number",
        "System.Int32" or "System.Int64" or "System.UInt64" or "System.UInt32" => "whole number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "duration (hh:mm:ss)",
        "System.Uri" => "URL",
        "BackgroundBot.Knowledge.StoreProvider" => "store provider (LiteDb or PostgreSql)",
        _ => type,
    };

    // Microsoft.Extensions.Configuration.Binder's message: "Failed to convert configuration value ['abc' ]at 'Section:Key' to type 'System.Double'."
    [GeneratedRegex("Failed to convert configuration value (?:'[^']*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BindingFailure();
}
