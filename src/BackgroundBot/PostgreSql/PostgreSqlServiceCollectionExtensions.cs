using BackgroundBot.Knowledge;
using BackgroundBot.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>
    /// The store on PostgreSQL (<c>Store:ConnectionString</c>), built only when first asked for: the composition root maps
    /// every feature's store interface to it when <c>Store:Provider</c> is PostgreSql. Then a listener follows the changes
    /// other instances make, and the per-minute limits count in the shared database.
    /// </summary>
    public static IServiceCollection AddPostgreSqlStore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, PostgreSqlOptionsValidator>());
        services.AddSingleton<PostgreSqlStore>();
        services.AddSingleton<PostgreSqlRequestWindows>();
        services.AddSingleton<PostgreSqlHealthCheck>();
        // Added as it is: AddHostedService's TryAddEnumerable cannot tell two factories of IHostedService apart.
        services.AddSingleton<IHostedService>(sp => IsChosen(sp)
            ? ActivatorUtilities.CreateInstance<PostgreSqlChangeListener>(sp)
            : new NoFeedToFollow());
        return services;
    }

    private static bool IsChosen(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StoreOptions>>().Value.Provider == StoreProvider.PostgreSql;

    /// <summary>A LiteDB store publishes its changes itself: one process, nothing to listen for.</summary>
    private sealed class NoFeedToFollow : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
