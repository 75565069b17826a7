using System.CommandLine;
using BackgroundBot.Discord;
using BackgroundBot.Discord.Gateway;
using BackgroundBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Cli;

/// <summary><c>run</c>: the bot on Discord's gateway, until Ctrl+C.</summary>
public static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("run", "Run the bot in Discord over the gateway (needs Discord:Token and Discord:ApplicationId).");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = BotHost.CreateBuilder(parseResult.GetValue(cli.Db), "run");
            cli.ConfigureHost?.Invoke(builder);
            if (DiscordSetup.MissingSetting(builder.Configuration, needsPublicKey: false) is { } missing)
            {
                await cli.Error.WriteLineAsync(missing);
                return ExitCodes.BadInput;
            }

            DiscordSetup.AddCommunityBot(builder);
            builder.Services.AddDiscordGateway(builder.Configuration);
            using var host = builder.Build();
            host.Services.GetRequiredService<StoreSeeder>().EnsureSeeded();
            var gateway = host.Services.GetRequiredService<GatewayState>();
            await host.RunAsync(cancellationToken);

            // The gateway stops the bot itself when only a configuration change can help; that is a failed run.
            if (gateway.FatalReason is { } fatal)
            {
                await cli.Error.WriteLineAsync(fatal);
                return ExitCodes.BadInput;
            }

            BotHost.ThrowIfFaulted(host.Services);
            return ExitCodes.Success;
        });
        return command;
    }
}
