using System.CommandLine;
using BackgroundBot.Discord;
using BackgroundBot.Discord.Interactions;
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
/// <c>serve</c>: the HTTP interactions endpoint (<c>POST /interactions</c>, <c>GET /healthz</c>, <c>/readyz</c>, <c>/metrics</c>) for running many
/// instances behind a load balancer; no gateway connection. Listens on ASP.NET Core's <c>Urls</c> setting
/// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>).
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext cli)
    {
        var urls = new Option<string?>("--urls") { Description = "Where to listen, e.g. http://0.0.0.0:8080 (default: ASPNETCORE_URLS, else http://localhost:5000)." };
        var command = new Command("serve", "Serve Discord's HTTP interactions endpoint (needs Discord:Token, ApplicationId and PublicKey).") { urls };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            BotHost.AddBot(builder, parseResult.GetValue(cli.Db), "serve");
            cli.ConfigureHost?.Invoke(builder);
            if (parseResult.GetValue(urls) is { } listen)
            {
                builder.WebHost.UseUrls(listen);
            }

            if (DiscordSetup.MissingSetting(builder.Configuration, needsPublicKey: true) is { } missing)
            {
                await cli.Error.WriteLineAsync(missing);
                return ExitCodes.BadInput;
            }

            DiscordSetup.AddCommunityBot(builder);
            builder.Services.AddDiscordInteractionsEndpoint(builder.Configuration);
            await using var app = builder.Build();
            app.MapDiscordInteractions();
            app.MapOperations(liveness: false);
            app.Services.GetRequiredService<StoreSeeder>().EnsureSeeded();
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await cli.Error.WriteLineAsync($"Cannot serve: {ex.Message} Another program listens there; choose another address with --urls.");
                return ExitCodes.BadInput;
            }

            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? app.Urls;
            await cli.Output.WriteLineAsync($"Serving Discord interactions at {string.Join(", ", addresses.Select(u => u.TrimEnd('/') + "/interactions"))}");
            await app.WaitForShutdownAsync(cancellationToken);
            BotHost.ThrowIfFaulted(app.Services);
            return ExitCodes.Success;
        });
        return command;
    }
}
