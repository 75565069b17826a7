using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Graceful shutdown of interactions (SIGTERM, Ctrl+C): the moment the host starts stopping, new interactions are refused, and
/// those in flight may finish until <c>HostOptions:ShutdownTimeout</c> less the time kept for restart notices; then they are given
/// up and their members told to ask again. The host's stop waits here until they are done.
/// </summary>
internal sealed class InteractionDrain(InteractionExecutor executor, IHostApplicationLifetime lifetime, IOptions<HostOptions> host) : IHostedService
{
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
        _stopping = lifetime.ApplicationStopping.Register(() => executor.BeginDrain(Deadline(host.Value.ShutdownTimeout)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        executor.BeginDrain(Deadline(host.Value.ShutdownTimeout));
        try
        {
            await executor.Drained.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host is out of time: give up whatever is still running now.
            await executor.AbandonAsync();
        }
        finally
        {
            await _stopping.DisposeAsync();
        }
    }
}
