using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Moderation;
using BackgroundBot.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// The store on one LiteDB file (<c>Store:Path</c>): every feature's store interface, the shared unit of work and
    /// the change feed are the same <see cref="LiteDbStore"/>, so a change touching two features is one transaction.
    /// </summary>
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services)
    {
        services.AddSingleton<LiteDbStore>();
        services.AddSingleton<IKnowledgeStore>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<ICommunityStore>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<IModerationStore>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<BackgroundBot.Quizzes.IQuizStore>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<BackgroundBot.Faq.IFaqStore>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<IStoreChanges>(sp => sp.GetRequiredService<LiteDbStore>());
        services.AddSingleton<BackgroundBot.LiteDb.Export.StoreTransfer>();

        // Readiness knows the store only as its provider does: a file whose folder must take a write.
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [BackgroundBot.Discord.Diagnostics.DiscordHealthCheck.ReadyTag]);
        return services;
    }
}
