using BackgroundBot.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Moderation;

/// <summary>
/// Discards article previews older than <see cref="ModerationOptions.PendingImportLifetime"/>, never confirmed: at start (a restart
/// must not keep old uploads forever) and then once a minute. Confirm checks the age itself, so an expired preview is never
/// imported whenever the sweep runs.
/// </summary>
public sealed class PendingImportSweeper(IModerationStore store, IOptions<ModerationOptions> options, TimeProvider time, ILogger<PendingImportSweeper> logger)
    : BackgroundService
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    /// <summary>Discards the expired previews now; returns how many.</summary>
    public int Purge()
    {
        var lifetime = options.Value.PendingImportLifetime;
        var count = store.Write(write => write.PurgePendingImports(time.GetUtcNow() - lifetime));
        if (count > 0)
        {
            Log.PendingImportsDiscarded(logger, count, lifetime);
        }

        return count;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the bot answers anything: nothing left over from an earlier run can be confirmed or take space.
        Purge();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(SweepEvery, time, stoppingToken);
                try
                {
                    Purge();
                }
                catch (Exception e) when (e is LiteDB.LiteException or IOException)
                {
                    // A full disk must not stop the bot; the next sweep tries again, and Confirm checks the age anyway.
                    Log.PendingImportSweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
