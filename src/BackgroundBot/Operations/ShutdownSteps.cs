using BackgroundBot.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Operations;

/// <summary>
/// Says what the bot does as it starts and stops, one line per step. Registered before the other services, so it starts first and
/// stops last: its stop line comes after the interactions drained and the gateway closed, just before the store is closed.
/// </summary>
internal sealed class ShutdownSteps(StoreHolder holder, IHostApplicationLifetime lifetime, IOptions<HostOptions> host, IOptions<StoreOptions> store, ILogger<ShutdownSteps> logger) : IHostedService
{
    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(() => Log.ShutdownBegun(logger, host.Value.ShutdownTimeout));
        _ = lifetime.ApplicationStarted.Register(() => Log.Started(logger, BotVersion.Current, holder.Verb, Path.GetFullPath(store.Value.Path)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.DisposeAsync();
        Log.StoreClosing(logger);
    }
}
