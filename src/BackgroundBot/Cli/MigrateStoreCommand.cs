using System.CommandLine;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.PostgreSql;
using BackgroundBot.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>migrate-store --to-provider PostgreSql --to CONNECTION</c> (or <c>LiteDb --to FILE</c>): moves the configured store
/// into an empty store of the other provider, all or nothing. The target is written in one transaction, read back inside
/// it, and committed only when its export is identical to the source's.
/// </summary>
public static class MigrateStoreCommand
{
    /// <summary>The prefix of a <c>--to</c> that names an environment variable, so a password stays off the command line.</summary>
    public const string FromEnvironment = "env:";

    public static Command Create(CliContext cli)
    {
        var provider = new Option<StoreProvider>("--to-provider") { Description = "The provider to move the store into: LiteDb or PostgreSql.", Required = true };
        var target = new Option<string>("--to")
        {
            Description = $"The target: a LiteDB file, or a PostgreSQL connection string (or {FromEnvironment}NAME to read it from the environment variable NAME). It must be empty.",
            Required = true,
            HelpName = "FILE|CONNECTION",
        };
        var command = new Command("migrate-store", "Move the store (--db, or Store:Provider and Store:ConnectionString) into an empty store of another provider, verified by comparing exports.") { provider, target };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var to = parseResult.GetRequiredValue(target);
            if (to.StartsWith(FromEnvironment, StringComparison.Ordinal))
            {
                var name = to[FromEnvironment.Length..];
                to = Environment.GetEnvironmentVariable(name) ?? "";
                if (to.Length == 0)
                {
                    await cli.Error.WriteLineAsync($"--to names the environment variable {name}, which is not set.");
                    return ExitCodes.BadInput;
                }
            }

            using var host = await cli.StartHostAsync(parseResult, cancellationToken, seed: false);
            var source = host.Services.GetRequiredService<IStoreSnapshots>();
            var options = new StoreOptions { Provider = parseResult.GetValue(provider), ConnectionString = to, Path = to };
            if (options.Provider == StoreProvider.PostgreSql && new PostgreSqlOptionsValidator().Validate(null, options) is { Failed: true } invalid)
            {
                await cli.Error.WriteLineAsync($"--to: {invalid.FailureMessage.Replace("Store:ConnectionString", "the connection string", StringComparison.Ordinal)}");
                return ExitCodes.BadInput;
            }

            using var opened = Open(options, host.Services);
            var destination = (IStoreSnapshots)opened;
            if (destination.Path == source.Path)
            {
                await cli.Error.WriteLineAsync($"{destination.Path} is the store being moved; give --to a new file or another database.");
                return ExitCodes.BadInput;
            }

            if (!destination.IsEmpty())
            {
                await cli.Error.WriteLineAsync($"The target {destination.Path} is not empty; migrate-store moves a store into an empty one only. Nothing was written.");
                return ExitCodes.BadInput;
            }

            var snapshot = source.ReadSnapshot();
            var expected = StoreTransfer.ToJson(StoreTransfer.Normalized(snapshot));
            try
            {
                destination.Restore(snapshot, written =>
                {
                    var actual = StoreTransfer.ToJson(StoreTransfer.Normalized(written));
                    if (actual != expected)
                    {
                        throw new ExportMismatchException(FirstDifference(expected, actual));
                    }
                });
            }
            catch (ExportMismatchException mismatch)
            {
                await cli.Error.WriteLineAsync($"The target's export differs from the source's ({mismatch.Message}); nothing was written to {destination.Path}.");
                return ExitCodes.BadInput;
            }

            await cli.Output.WriteLineAsync(
                $"Moved {snapshot.Articles?.Count ?? 0} articles, {snapshot.Facts?.Count ?? 0} facts, {snapshot.Audit?.Count ?? 0} audit entries, {snapshot.Gaps?.Count ?? 0} gaps "
                + $"and {snapshot.Answers?.Count ?? 0} answers from {source.Path} to {destination.Path}; both export the same. "
                + $"Point Store:Provider at {options.Provider} to use it (embeddings are recomputed by `embeddings`).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IDisposable Open(StoreOptions options, IServiceProvider services)
    {
        var logs = services.GetRequiredService<ILoggerFactory>();
        return options.Provider == StoreProvider.PostgreSql
            ? new PostgreSqlStore(Options.Create(options), logs.CreateLogger<PostgreSqlStore>())
            : new LiteDbStore(Options.Create(options), logs.CreateLogger<LiteDbStore>(), services.GetRequiredService<TimeProvider>(), new StoreHolder("migrate-store"));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return $"first at line {line + 1} of the export";
    }

    private sealed class ExportMismatchException(string message) : Exception(message);
}
