using BackgroundBot.Timeline;

namespace Microsoft.Extensions.DependencyInjection;

public static class TimelineServiceCollectionExtensions
{
    /// <summary><c>/timeline</c> in Discord: the paged list of dated facts and its picture.</summary>
    public static IServiceCollection AddTimelineInDiscord(this IServiceCollection services)
    {
        services.AddInteractionModule<TimelineInteractionHandler>();
        services.AddHostedService<TimelineFontCheck>();
        return services;
    }
}
