using BackgroundBot.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Cli;

/// <summary>The generic host every verb runs in: configuration, logging to standard error, and the features.</summary>
public static class BotHost
{
    public static HostApplicationBuilder CreateBuilder(string? dbPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // appsettings.json ships beside the executable; data paths stay relative to the working folder.
            ContentRootPath = AppContext.BaseDirectory,
        });
        AddBot(builder, dbPath);
        return builder;
    }

    /// <summary>Configuration, logging and every feature, on any host builder (the generic host, or ASP.NET Core's for <c>serve</c>).</summary>
    public static void AddBot(IHostApplicationBuilder builder, string? dbPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddUserSecrets(typeof(BotHost).Assembly, optional: true);
        if (!string.IsNullOrWhiteSpace(dbPath))
        {
            builder.Configuration.AddInMemoryCollection([new($"{StoreOptions.Section}:{nameof(StoreOptions.Path)}", dbPath)]);
        }

        // Standard output belongs to the verb's result (scripts parse `ask --json`), so logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddKnowledge(builder.Configuration);
        builder.Services.AddRetrieval(builder.Configuration);
        builder.Services.AddAnswering(builder.Configuration);
        builder.Services.AddModeration();
    }

    /// <param name="seed">Seed a new store on first run; off only for restoring an export into an empty store.</param>
    public static async Task<IHost> StartAsync(string? dbPath, Action<IHostApplicationBuilder>? configure, CancellationToken cancellationToken, bool seed = true)
    {
        var builder = CreateBuilder(dbPath);
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
