using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Graceful shutdown of interactions (SIGTERM, Ctrl+C): the moment the host starts stopping, new interactions are refused, and
/// those in flight may finish until <c>HostOptions:ShutdownTimeout</c> less the time kept for restart notices; then they are given
/// up and their members told to ask again. The host's stop waits here until they are done, in the stopping phase that comes
/// before any service stops: the HTTP server keeps listening meanwhile, so a new interaction gets 503 (and Discord tries again
/// elsewhere) rather than a refused connection.
/// </summary>
internal sealed class InteractionDrain(IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<HostOptions> host) : IHostedLifecycleService
{
    // Resolved when first needed: the host creates its hosted services before it validates the options, and a host whose
    // settings are bad must fail on them, not on this.
    private InteractionExecutor Executor => services.GetRequiredService<InteractionExecutor>();

    private CancellationTokenRegistration _stopping;

    /// <summary>How long in-flight interactions may run on after the stop began.</summary>
    public static TimeSpan Deadline(TimeSpan shutdownTimeout)
    {
        // Keep time for the notices and the rest of the shutdown (closing the gateway, flushing the store).
        var reserve = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, shutdownTimeout.Ticks / 4));
        return shutdownTimeout - reserve;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(() => Executor.BeginDrain(Deadline(host.Value.ShutdownTimeout)));
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Executor.BeginDrain(Deadline(host.Value.ShutdownTimeout));
        try
        {
            await Executor.Drained.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host is out of time: give up whatever is still running now.
            await Executor.AbandonAsync();
        }
        finally
        {
            await _stopping.DisposeAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
