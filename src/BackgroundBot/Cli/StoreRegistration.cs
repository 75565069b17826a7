using BackgroundBot.Community;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Moderation;
using BackgroundBot.PostgreSql;
using BackgroundBot.Sessions;
using BackgroundBot.Quizzes;
using BackgroundBot.Storage;
using BackgroundBot.Transfer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Cli;

/// <summary>
/// Maps every feature's store interface to the provider <c>Store:Provider</c> names. The choice is made when the store
/// is first asked for, from the validated options, so settings added late (a test's, a verb's) count, and the provider
/// not chosen is never built.
/// </summary>
internal static class StoreRegistration
{
    public static void AddStore(IServiceCollection services)
    {
        services.AddLiteDbStore();
        services.AddPostgreSqlStore();
        services.AddSingleton(sp => (IKnowledgeStore)Chosen(sp));
        services.AddSingleton(sp => (ICommunityStore)Chosen(sp));
        services.AddSingleton(sp => (IModerationStore)Chosen(sp));
        services.AddSingleton(sp => (ISessionStore)Chosen(sp));
        services.AddSingleton(sp => (IQuizStore)Chosen(sp));
        services.AddSingleton(sp => (IFaqStore)Chosen(sp));
        services.AddSingleton(sp => (IUnitOfWork)Chosen(sp));
        services.AddSingleton(sp => (IStoreChanges)Chosen(sp));
        services.AddSingleton(sp => (IStoreSnapshots)Chosen(sp));
        services.AddSingleton<StoreTransfer>();

        // Per-minute limits count in the shared database when there is one; a LiteDB store's process counts in memory.
        services.AddSingleton(sp => IsPostgreSql(sp) ? (Bot.ISharedRequestWindows)sp.GetRequiredService<PostgreSqlRequestWindows>() : null!);

        // Readiness knows the store as its provider does: a file whose folder takes a write, or a server that answers.
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "store",
            sp => IsPostgreSql(sp) ? sp.GetRequiredService<PostgreSqlHealthCheck>() : sp.GetRequiredService<StoreHealthCheck>(),
            failureStatus: null,
            tags: [Discord.Diagnostics.DiscordHealthCheck.ReadyTag]));
    }

    /// <summary>The backup listener of a LiteDB store; nothing for PostgreSQL, whose backups are pg_dump's.</summary>
    public static IHostedService BackupListener(IServiceProvider services) =>
        IsPostgreSql(services) ? new Idle() : ActivatorUtilities.CreateInstance<LiteDb.Backup.StoreBackupListener>(services);

    private static bool IsPostgreSql(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StoreOptions>>().Value.Provider == StoreProvider.PostgreSql;

    private static object Chosen(IServiceProvider services) =>
        IsPostgreSql(services) ? services.GetRequiredService<PostgreSqlStore>() : services.GetRequiredService<LiteDbStore>();

    private sealed class Idle : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
