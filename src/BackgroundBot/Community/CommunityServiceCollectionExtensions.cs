using BackgroundBot.Community;
using BackgroundBot.Discord.Interactions;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>The Discord-facing features for community members: commands, the interaction handler, limits.</summary>
    public static IServiceCollection AddCommunity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommunityOptions>()
            .Bind(configuration.GetSection(CommunityOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<SuggestedQuestions>();
        services.AddSingleton<IApplicationCommandSource, CommunityCommands>();
        services.AddSingleton<IInteractionHandler, CommunityInteractionHandler>();
        return services;
    }
}
