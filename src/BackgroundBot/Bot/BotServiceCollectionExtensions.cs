using BackgroundBot.Bot;
using BackgroundBot.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Adds one feature's Discord commands and interactions to the bot's router. Modules are asked in the order they
    /// were added; the first that handles an interaction gets it.
    /// </summary>
    public static IServiceCollection AddInteractionModule<TModule>(this IServiceCollection services)
        where TModule : class, IInteractionModule
    {
        services.AddSingleton<IInteractionModule, TModule>();
        services.TryAddSingleton<RequestLimiter>();
        services.TryAddSingleton<InteractionRouter>();
        services.TryAddSingleton<IInteractionHandler>(sp => sp.GetRequiredService<InteractionRouter>());
        services.TryAddSingleton<IApplicationCommandSource>(sp => sp.GetRequiredService<InteractionRouter>());
        return services;
    }
}
