using BackgroundBot.LiteDb;

namespace Microsoft.Extensions.DependencyInjection;

public static class LiteDbServiceCollectionExtensions
{
    /// <summary>
    /// The store on one LiteDB file (<c>Store:Path</c>). Built only when first asked for: the composition root maps every
    /// feature's store interface, the unit of work and the change feed to it when <c>Store:Provider</c> is LiteDb, so a
    /// change touching two features is one transaction.
    /// </summary>
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services)
    {
        services.AddSingleton<LiteDbStore>();
        services.AddSingleton<StoreHealthCheck>();
        return services;
    }
}
