using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BackgroundBot.PostgreSql;

/// <summary>
/// Keeps this instance's feed (and so its index) up with changes committed by any instance: it LISTENs for the
/// store's notifications and catches up by sequence number on each, after every reconnect, and every
/// <see cref="SafetyInterval"/> in case a notification was missed. A lost connection is retried with a doubling delay.
/// </summary>
internal sealed class PostgreSqlChangeListener(PostgreSqlStore store, TimeProvider time, ILogger<PostgreSqlChangeListener> logger) : BackgroundService
{
    /// <summary>How often the feed is read without a notification: a notification lost with a connection is caught up by then.</summary>
    public static readonly TimeSpan SafetyInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.OpenListenerAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlStore.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Listening first, then catching up: a change committed in between is both notified and read, never neither.
                CatchUp();
                Log.Listening(logger, store.Path, store.Sequence);
                delay = FirstRetry;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(SafetyInterval, stoppingToken);
                    CatchUp();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                Log.ListenerLost(logger, delay, ex);
                store.ClearPool();
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = delay * 2 > LastRetry ? LastRetry : delay * 2;
            }
        }
    }

    private void CatchUp()
    {
        var count = store.CatchUp();
        if (count > 0)
        {
            Log.CaughtUp(logger, count);
        }
    }
}
