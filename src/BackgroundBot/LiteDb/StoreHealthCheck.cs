using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackgroundBot.LiteDb;

/// <summary>
/// Readiness: the fact store is open, and its folder takes a write (a full disk or a read-only mount turns the bot unready before a
/// curator's change fails). Reports the free space too.
/// </summary>
internal sealed class StoreHealthCheck(LiteDbStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(store.Path) ?? ".";
        var probe = store.Path + ".health";
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"store: cannot write beside {store.Path}: {e.Message}");
        }

        var free = new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"store: {store.Path} open and writable, {free / (1024 * 1024)} MiB free"));
    }
}
