using BackgroundBot.Discord.Diagnostics;
using BackgroundBot.Discord.Gateway;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord;

/// <summary>Adds the Discord layer to a host, one line per transport.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DiscordRestClient"/> and the <see cref="DiscordOptions"/> bound from the <c>Discord</c> section, validated at start.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The configuration root holding the <c>Discord</c> section.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddDiscordRest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.TryAddSingleton<DiscordReachability>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<InteractionExecutor>();
        services.TryAddSingleton<InteractionReplayGuard>();
        services.TryAddSingleton<ApplicationCommandRegistrar>();
        services.AddHealthChecks().AddCheck<DiscordHealthCheck>("discord", tags: [DiscordHealthCheck.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Adds the HTTP interactions transport (map it with <see cref="DiscordEndpointRouteBuilderExtensions.MapDiscordInteractions"/>):
    /// signature checks with <c>Discord:PublicKey</c>, refusal with 503 while shutting down, and command registration at start.
    /// An <see cref="IInteractionHandler"/> must be registered.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The configuration root holding the <c>Discord</c> section.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddDiscordInteractionsEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordRest(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, InteractionsEndpointOptionsValidator>());
        services.TryAddSingleton<InteractionSignatureVerifier>();
        services.TryAddSingleton<InteractionsEndpoint>();
        AddCommandRegistration(services);
        return services;
    }

    /// <summary>
    /// Adds the gateway transport: a hosted service holding the WebSocket connection(s), handing every interaction to the registered
    /// <see cref="IInteractionHandler"/>, and registering commands at start.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The configuration root holding the <c>Discord</c> section.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddDiscordGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordRest(configuration);
        services.TryAddSingleton<GatewayJitter>();
        services.TryAddSingleton<GatewayState>();
        services.TryAddSingleton<InteractionDispatcher>();
        services.TryAddSingleton<GatewayClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GatewayClient>(sp => sp.GetRequiredService<GatewayClient>()));
        AddCommandRegistration(services);
        return services;
    }

    private static void AddCommandRegistration(IServiceCollection services)
    {
        // Both transports drain their interactions at shutdown.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InteractionDrain>());
        services.TryAddSingleton<CommandRegistrationService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CommandRegistrationService>(sp => sp.GetRequiredService<CommandRegistrationService>()));
    }
}
