using System.Globalization;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackgroundBot.Discord.Diagnostics;

/// <summary>
/// Readiness: Discord is reachable when a gateway shard is READY, or the last REST call succeeded not long ago. Otherwise (the
/// last call failed, none was made, or the last success is stale) the check asks Discord itself, with one cheap request, so an
/// instance that lost Discord turns unready and one that got it back turns ready again without waiting for a member.
/// </summary>
public sealed class DiscordHealthCheck(DiscordReachability reachability, DiscordRestClient rest, TimeProvider time) : IHealthCheck
{
    /// <summary>The tag of checks that decide readiness (<c>/readyz</c>); <c>/healthz</c> runs none.</summary>
    public const string ReadyTag = "ready";

    /// <summary>A success older than this is checked again.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);

    // Probes are one at a time and at most one per interval, however often the checks come.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _probe = new(1, 1);
    private DateTimeOffset _lastProbe = DateTimeOffset.MinValue;

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (reachability.ReadyShards > 0)
        {
            return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"Discord: gateway READY on {reachability.ReadyShards} shard(s)"));
        }

        if (Fresh(reachability.LastCall) is { } recent)
        {
            return recent;
        }

        // A failure seen moments ago (by the bot's own calls, or the last probe) is the answer; asking again would only add load.
        if (reachability.LastCall is { Reached: false } failed && time.GetUtcNow() - failed.At < ProbeInterval)
        {
            return Unready(failed);
        }

        await _probe.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _lastProbe >= ProbeInterval)
            {
                _lastProbe = time.GetUtcNow();
                await rest.ProbeAsync(cancellationToken);
            }
        }
        finally
        {
            _probe.Release();
        }

        return Fresh(reachability.LastCall) ?? Unready(reachability.LastCall);
    }

    private HealthCheckResult Unready(RestOutcome? last) => HealthCheckResult.Unhealthy(last switch
    {
        null => "Discord: no call to Discord has completed yet",
        { Reached: true } ok => $"Discord: last answered {Age(ok)} ago",
        { } failed => $"Discord: {failed.Failure} ({failed.Call}, {Age(failed)} ago)",
    });

    private HealthCheckResult? Fresh(RestOutcome? last) =>
        last is { Reached: true } && time.GetUtcNow() - last.At < Stale
            ? HealthCheckResult.Healthy($"Discord: {last.Call} succeeded {Age(last)} ago")
            : null;

    private string Age(RestOutcome outcome)
    {
        var age = time.GetUtcNow() - outcome.At;
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalSeconds)} s");
    }
}
