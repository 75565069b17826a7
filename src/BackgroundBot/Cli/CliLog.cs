using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Cli;

/// <summary>
/// The details of a failed verb, at debug level. The verb's own host is gone by the time its failure reaches the edge
/// (or never started: a bad setting), so this logger is built from the same sources: appsettings.json and the environment.
/// </summary>
internal static partial class CliLog
{
    public static void Details(Exception exception)
    {
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .Build();
            using var loggers = LoggerFactory.Create(logging =>
            {
                logging.AddConfiguration(configuration.GetSection("Logging"));
                Operations.ConsoleLogging.Add(logging, configuration);
            });
            VerbFailed(loggers.CreateLogger("BackgroundBot.Cli"), exception);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException)
        {
            // The logging settings themselves are broken; the one line the operator got already says what failed.
        }
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Debug, Message = "The verb failed")]
    private static partial void VerbFailed(ILogger logger, Exception exception);
}
