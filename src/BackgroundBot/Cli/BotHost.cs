using BackgroundBot.Answering;
using BackgroundBot.Community;
using BackgroundBot.Discord;
using BackgroundBot.Knowledge;
using BackgroundBot.Llm;
using BackgroundBot.Moderation;
using BackgroundBot.Operations;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Cli;

/// <summary>The generic host every verb runs in: configuration, logging to standard error, and the features.</summary>
public static class BotHost
{
    /// <param name="verb">What this process is, written beside the store it holds so another process can be told.</param>
    public static HostApplicationBuilder CreateBuilder(string? dbPath, string? verb = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // appsettings.json ships beside the executable; data paths stay relative to the working folder.
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddBot(builder, dbPath, verb);
        return builder;
    }

    /// <summary>Configuration, logging and every feature, on any host builder (the generic host, or ASP.NET Core's for <c>serve</c>).</summary>
    public static void AddBot(IHostApplicationBuilder builder, string? dbPath, string? verb = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        if (!string.IsNullOrWhiteSpace(dbPath))
        {
            builder.Configuration.AddInMemoryCollection([new($"{StoreOptions.Section}:{nameof(StoreOptions.Path)}", dbPath)]);
        }

        // Standard output belongs to the verb's result (scripts parse `ask --json`), so logs go to standard error.
        builder.Logging.ClearProviders();
        Operations.ConsoleLogging.Add(builder.Logging, builder.Configuration);
        builder.Services.AddSettingsChecks(
            builder.Configuration,
            new(StoreOptions.Section, typeof(StoreOptions)),
            new("Retrieval", typeof(RetrievalOptions)),
            new(AnsweringOptions.Section, typeof(AnsweringOptions)),
            new(LlmOptions.Section, typeof(LlmOptions)),
            new(LlmOptions.EmbeddingsSection, typeof(LlmOptions)),
            new(DiscordOptions.SectionName, typeof(DiscordOptions)),
            new(CommunityOptions.Section, typeof(CommunityOptions)),
            new(SubmissionOptions.Section, typeof(SubmissionOptions)),
            new(ModerationOptions.Section, typeof(ModerationOptions)),
            new(Sessions.SessionsOptions.Section, typeof(Sessions.SessionsOptions)));

        // The host logs a failed start or a faulted service with its stack trace; the verb's edge (CliApp) reports
        // both in one line instead, with the details at debug level.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        builder.Services.AddKnowledge(builder.Configuration);
        StoreRegistration.AddStore(builder.Services);
        builder.Services.AddSingleton(new StoreHolder(verb ?? "BackgroundBot"));
        builder.Services.AddRetrieval(builder.Configuration);
        builder.Services.AddAnswering(builder.Configuration);
        builder.Services.AddModeration();
        builder.Services.AddSessions();
    }

    /// <summary>The store provider the settings name (<c>Store:Provider</c>, LiteDb unless set).</summary>
    public static StoreProvider Provider(IConfiguration configuration) =>
        configuration.GetSection(StoreOptions.Section).GetValue<StoreProvider?>(nameof(StoreOptions.Provider)) ?? StoreProvider.LiteDb;

    /// <summary>
    /// What <c>backup</c> and <c>restore</c> say of a PostgreSQL store: they copy a LiteDB file, and the database has tools
    /// of its own that copy it consistently while every instance runs.
    /// </summary>
    public static string? NotALiteDbFile(IConfiguration configuration, string verb) =>
        Provider(configuration) == StoreProvider.PostgreSql
            ? $"The store is PostgreSQL (Store:Provider), which `{verb}` does not handle: use pg_dump and pg_restore (README, \"Several instances on PostgreSQL\"), or `export`."
            : null;

    /// <summary>
    /// Rethrows what stopped a background service. The host stops when one fails but returns from running as if asked
    /// to, so a bot that died would otherwise exit 0.
    /// </summary>
    public static void ThrowIfFaulted(IServiceProvider services)
    {
        var fault = services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Select(s => s.ExecuteTask?.Exception?.GetBaseException())
            .FirstOrDefault(e => e is not null and not OperationCanceledException);
        if (fault is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }
    }

    /// <summary>The store file the settings name (<c>--db</c>, else <c>Store:Path</c>), as a full path.</summary>
    public static string StorePath(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[$"{StoreOptions.Section}:{nameof(StoreOptions.Path)}"];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? new StoreOptions().Path : path);
    }

    /// <param name="seed">Seed a new store on first run; off only for restoring an export into an empty store.</param>
    public static async Task<IHost> StartAsync(string? dbPath, Action<IHostApplicationBuilder>? configure, CancellationToken cancellationToken, bool seed = true, string? verb = null)
    {
        var builder = CreateBuilder(dbPath, verb);
        configure?.Invoke(builder);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            if (seed)
            {
                host.Services.GetRequiredService<StoreSeeder>().EnsureSeeded();
            }

            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
