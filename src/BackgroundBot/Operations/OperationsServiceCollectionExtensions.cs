using BackgroundBot.Community;
using BackgroundBot.Discord.Diagnostics;
using BackgroundBot.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Microsoft.Extensions.DependencyInjection;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Every process: settings warned about when nothing reads them, and the host's shutdown timeout from <c>HostOptions</c>.</summary>
    /// <param name="sections">The bot's sections and the options classes that read them, for the unknown-key warnings.</param>
    public static IServiceCollection AddSettingsChecks(this IServiceCollection services, IConfiguration configuration, params SettingsSection[] sections)
    {
        foreach (var section in sections)
        {
            services.AddSingleton(section);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SettingsWarnings>());
        services.Configure<HostOptions>(configuration.GetSection("HostOptions"));
        return services;
    }

    /// <summary>
    /// What a long-running bot (<c>run</c>, <c>serve</c>) adds for its operator: systemd integration (<c>Type=notify</c>), readiness
    /// checks (store, index, Discord), metrics (the bot's, the Discord layer's, the runtime's and ASP.NET Core's) for Prometheus,
    /// and a line for each start-up and shutdown step.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        // First, so it stops last (hosted services stop in reverse order).
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ShutdownSteps>());
        services.AddSystemd();
        services.AddSingleton<BotMetrics>();
        services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("index", tags: [DiscordHealthCheck.ReadyTag]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("backgroundbot", serviceVersion: BotVersion.Current))
            .WithMetrics(metrics => metrics
                .AddMeter(BotMetrics.MeterName, DiscordMetrics.MeterName, "BackgroundBot.Store")
                // Built into .NET and ASP.NET Core: GC, thread pool, exceptions; HTTP requests served and Kestrel connections.
                .AddMeter("System.Runtime", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http")
                .AddPrometheusExporter());
        return services;
    }
}
