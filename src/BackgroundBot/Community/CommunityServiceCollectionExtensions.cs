using BackgroundBot.Community;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>The Discord-facing features for community members: /ask, sources, feedback, follow-ups and their limits.</summary>
    public static IServiceCollection AddCommunity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommunityOptions>()
            .Bind(configuration.GetSection(CommunityOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SuggestedQuestions>();
        services.AddInteractionModule<CommunityInteractionHandler>();
        return services;
    }
}
