using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.PostgreSql;
using BackgroundBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// The store on PostgreSQL (<c>Store:ConnectionString</c>): every feature's store interface, the shared unit of work
    /// and the change feed are one <see cref="PostgreSqlStore"/>; a listener follows changes made by other instances,
    /// and the per-minute limits count in the shared database.
    /// </summary>
    public static IServiceCollection AddPostgreSqlStore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, PostgreSqlOptionsValidator>());
        services.AddSingleton<PostgreSqlStore>();
        services.AddSingleton<IKnowledgeStore>(sp => sp.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<ICommunityStore>(sp => sp.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<IModerationStore>(sp => sp.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<IStoreChanges>(sp => sp.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<BackgroundBot.Transfer.IStoreSnapshots>(sp => sp.GetRequiredService<PostgreSqlStore>());
        services.AddSingleton<BackgroundBot.Bot.ISharedRequestWindows, PostgreSqlRequestWindows>();
        services.AddHostedService<PostgreSqlChangeListener>();
        services.AddHealthChecks().AddCheck<PostgreSqlHealthCheck>("store", tags: [BackgroundBot.Discord.Diagnostics.DiscordHealthCheck.ReadyTag]);
        return services;
    }
}
