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
        services.AddSingleton<IInteractionModule, CommunityInteractionHandler>();
        services.AddSingleton<IInteractionModule, BackgroundBot.Moderation.ModerationInteractionHandler>();
        services.AddSingleton<IInteractionModule, BackgroundBot.Moderation.ArticleInteractionHandler>();
        services.AddHttpClient("attachments");
        services.AddOptions<BackgroundBot.Moderation.ModerationOptions>().Bind(configuration.GetSection(BackgroundBot.Moderation.ModerationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<BackgroundBot.Moderation.PendingImportSweeper>();
        services.AddSingleton<BackgroundBot.Moderation.ModeratorPolicy>();
        services.AddSingleton<BackgroundBot.Moderation.ReviewChannel>();
        services.AddSingleton<InteractionRouter>();
        services.AddSingleton<IInteractionHandler>(sp => sp.GetRequiredService<InteractionRouter>());
        services.AddSingleton<IApplicationCommandSource>(sp => sp.GetRequiredService<InteractionRouter>());
        return services;
    }
}
