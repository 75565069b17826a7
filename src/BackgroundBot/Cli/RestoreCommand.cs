using System.CommandLine;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>restore FILE</c>: puts a backup in place of the store. Refused while a bot (or any verb) holds the store; the
/// store it replaces is kept beside it, so a restore can itself be undone.
/// </summary>
public static class RestoreCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "A backup written by `backup --out`.", HelpName = "BACKUP.db" };
        var command = new Command("restore", "Replace the store with a backup (stop the bot first; the replaced store is kept beside it).") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = BotHost.CreateBuilder(parseResult.GetValue(cli.Db), "restore");
            cli.ConfigureHost?.Invoke(builder);
            if (BotHost.NotALiteDbFile(builder.Configuration, "restore") is { } refusal)
            {
                await cli.Error.WriteLineAsync(refusal);
                return ExitCodes.BadInput;
            }

            var storePath = BotHost.StorePath(builder.Configuration);
            var backup = Path.GetFullPath(parseResult.GetRequiredValue(file));
            if (BackupCommand.StoreFiles(storePath).Contains(backup, StringComparer.Ordinal))
            {
                await cli.Error.WriteLineAsync($"{backup} is the store itself; restore takes a backup written by `backup --out`.");
                return ExitCodes.BadInput;
            }

            if (StoreRestore.Problem(backup) is { } problem)
            {
                await cli.Error.WriteLineAsync(problem);
                return ExitCodes.BadInput;
            }

            using var host = builder.Build();
            var aside = StoreRestore.Restore(backup, storePath, host.Services.GetRequiredService<TimeProvider>());
            await cli.Output.WriteLineAsync(aside is null
                ? $"Restored {backup} as the fact store {storePath}."
                : $"Restored {backup} as the fact store {storePath}; the store it replaced is kept as {aside}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
