using System.CommandLine;
using BackgroundBot.Discord;
using BackgroundBot.Discord.Gateway;
using BackgroundBot.Knowledge;
using BackgroundBot.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Cli;

/// <summary>
/// <c>run</c>: the bot on Discord's gateway, until Ctrl+C or SIGTERM. With <c>--health-urls</c>, it also listens there for
/// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> (off by default: the gateway bot needs no port otherwise).
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var healthUrls = new Option<string?>("--health-urls")
        {
            Description = "Also serve /healthz, /readyz and /metrics here, e.g. http://127.0.0.1:9090 (off by default).",
            HelpName = "URLS",
        };
        var command = new Command("run", "Run the bot in Discord over the gateway (needs Discord:Token and Discord:ApplicationId).") { healthUrls };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var listen = parseResult.GetValue(healthUrls);
            IHostApplicationBuilder builder;
            if (string.IsNullOrWhiteSpace(listen))
            {
                builder = BotHost.CreateBuilder(parseResult.GetValue(cli.Db), "run");
            }
            else
            {
                var web = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
                BotHost.AddBot(web, parseResult.GetValue(cli.Db), "run");
                web.WebHost.UseUrls(listen);
                builder = web;
            }

            cli.ConfigureHost?.Invoke(builder);
            if (DiscordSetup.MissingSetting(builder.Configuration, needsPublicKey: false) is { } missing)
            {
                await cli.Error.WriteLineAsync(missing);
                return ExitCodes.BadInput;
            }

            DiscordSetup.AddCommunityBot(builder);
            builder.Services.AddDiscordGateway(builder.Configuration);
            using var host = Build(builder);
            host.Services.GetRequiredService<StoreSeeder>().EnsureSeeded();
            var gateway = host.Services.GetRequiredService<GatewayState>();
            if (host is WebApplication app)
            {
                await app.StartAsync(cancellationToken);
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? app.Urls;
                await cli.Output.WriteLineAsync($"Health checks and metrics at {string.Join(", ", addresses.Select(u => u.TrimEnd('/') + "/readyz"))} and /metrics");
                await app.WaitForShutdownAsync(cancellationToken);
            }
            else
            {
                await host.RunAsync(cancellationToken);
            }

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

    private static IHost Build(IHostApplicationBuilder builder)
    {
        if (builder is WebApplicationBuilder web)
        {
            var app = web.Build();
            app.MapOperations(liveness: true);
            return app;
        }

        return ((HostApplicationBuilder)builder).Build();
    }
}
