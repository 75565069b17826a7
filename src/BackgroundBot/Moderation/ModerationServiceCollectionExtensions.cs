using BackgroundBot.Moderation;

namespace Microsoft.Extensions.DependencyInjection;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>Curation of the fact store (facts, articles, aliases, undo) and the log of unanswered questions.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services)
    {
        services.AddSingleton<FactCuration>();
        services.AddSingleton<GapLog>();
        services.AddSingleton<GapReport>();
        services.AddSingleton<ReviewQueue>();
        return services;
    }
}
