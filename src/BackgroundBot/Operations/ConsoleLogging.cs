using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BackgroundBot.Operations;

/// <summary>
/// Console logs on standard error (standard output belongs to the verb's result), one event per line with a UTC timestamp, in the
/// format <c>Logging:Console:FormatterName</c> names: <c>simple</c> (the default) for people, <c>json</c> for log shippers (each
/// line one JSON object: Timestamp, EventId, LogLevel, Category, Message, Exception, State and Scopes, the interaction's id and
/// reference among them), <c>systemd</c> for journald's priority prefixes.
/// </summary>
internal static class ConsoleLogging
{
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public static void Add(ILoggingBuilder logging, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);

        // Defaults first: Logging:Console:FormatterOptions, bound when the console provider is added, overrides them.
        logging.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = TimestampFormat + " ";
            o.IncludeScopes = true;
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = TimestampFormat;
            o.IncludeScopes = true;
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        logging.AddConsole();
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // Under systemd, AddSystemd switches the console to its own format; a format the operator chose wins over that. Without
        // a name the console logger falls back to its old options (multi-line, no timestamps), so the default is named.
        logging.Services.PostConfigure<ConsoleLoggerOptions>(o =>
            o.FormatterName = configuration["Logging:Console:FormatterName"] is { Length: > 0 } chosen ? chosen : o.FormatterName ?? ConsoleFormatterNames.Simple);
    }
}
