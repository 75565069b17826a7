using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb.Backup;
using BackgroundBot.Storage;
using BackgroundBot.LiteDb;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>backup --out FILE</c>: a consistent copy of the store, a LiteDB file that <c>--db</c> opens and <c>restore</c>
/// puts back. While a bot holds the store, the bot writes the copy (under its write gate) and hands it over its
/// socket; otherwise this process takes the store and writes it.
/// </summary>
public static class BackupCommand
{
    public static Command Create(CliContext cli)
    {
        var output = new Option<string>("--out") { Description = "The backup file to write; replaced whole, never left half-written.", Required = true, HelpName = "FILE.db" };
        var command = new Command("backup", "Write a consistent copy of the store, also while the bot runs.") { output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = BotHost.CreateBuilder(parseResult.GetValue(cli.Db), "backup");
            cli.ConfigureHost?.Invoke(builder);
            if (BotHost.NotALiteDbFile(builder.Configuration, "backup") is { } refusal)
            {
                await cli.Error.WriteLineAsync(refusal);
                return ExitCodes.BadInput;
            }

            var storePath = BotHost.StorePath(builder.Configuration);
            var target = Path.GetFullPath(parseResult.GetRequiredValue(output));
            if (StoreFiles(storePath).Contains(target, StringComparer.Ordinal))
            {
                await cli.Error.WriteLineAsync($"{target} is the store itself (or one of its files); write the backup somewhere else.");
                return ExitCodes.BadInput;
            }

            if (!File.Exists(storePath))
            {
                await cli.Error.WriteLineAsync($"There is no fact store at {storePath} to back up.");
                return ExitCodes.BadInput;
            }

            using var host = builder.Build();
            var through = "";
            try
            {
                var store = host.Services.GetRequiredService<LiteDbStore>();
                await OutputFile.WriteAsync(target, stream =>
                {
                    store.WriteBackup(stream);
                    return Task.CompletedTask;
                }, Verify);
            }
            catch (StoreBusyException busy)
            {
                try
                {
                    await OutputFile.WriteAsync(target, stream => StoreBackupClient.RequestAsync(StoreLock.SocketPathOf(storePath), stream, cancellationToken), Verify);
                }
                catch (SocketException)
                {
                    await cli.Error.WriteLineAsync(
                        $"The fact store {storePath} is in use by {busy.Owner?.ToString() ?? "another BackgroundBot process"}, which does not take backup requests (only `run` and `serve` do); back up once it is done.");
                    return ExitCodes.BadInput;
                }

                through = $" through the running {busy.Owner?.ToString() ?? "bot"}";
            }

            await cli.Output.WriteLineAsync($"Backed up {storePath} to {target}{through}{(OutputFile.IsDevice(target) ? "" : Contents(target))}.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The store and the files beside it that belong to it; a backup must not land on any of them.</summary>
    internal static string[] StoreFiles(string storePath) =>
        [storePath, StoreFile.LogPathOf(storePath), StoreLock.LockPathOf(storePath), storePath + ".owner", StoreLock.SocketPathOf(storePath)];

    /// <summary>A backup that is not a sound store is not kept: the previous one at that name stays.</summary>
    private static void Verify(string written)
    {
        if (StoreFile.Inspect(written) is { } problem)
        {
            throw new IOException($"The backup written was not a sound store ({problem.Reason}), so it was not kept.");
        }
    }

    /// <summary>What the backup holds, read from the backup itself (read-only): the proof it is a store with everything in it.</summary>
    private static string Contents(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
        return $": {Count(db, "facts", "fact")}, {Count(db, "articles", "article")}, {Count(db, "audit", "audit entry", "audit entries")}";
    }

    private static string Count(LiteDatabase db, string collection, string one, string? many = null)
    {
        var count = db.GetCollection(collection).Count();
        return string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many ?? one + "s")}");
    }
}
