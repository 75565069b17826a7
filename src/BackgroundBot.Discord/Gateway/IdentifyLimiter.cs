using BackgroundBot.Discord.Json;

namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// Keeps IDENTIFYs within <c>session_start_limit</c> from <c>GET /gateway/bot</c>
/// (<see href="https://discord.com/developers/docs/events/gateway#session-start-limit-object"/>): at most <c>max_concurrency</c>
/// per 5 seconds per rate-limit key (<c>shard_id % max_concurrency</c>), and none once <c>remaining</c> is spent until <c>reset_after</c>;
/// an exhausted budget stops the bot saying when it resets, because every further IDENTIFY would be refused.
/// </summary>
internal sealed class IdentifyLimiter(TimeProvider time, JsonSessionStartLimit limit)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<int, DateTimeOffset> _lastByKey = [];
    private readonly DateTimeOffset _resetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(limit.ResetAfter);
    private int _remaining = limit.Remaining;

    public async Task WaitAsync(int shardId, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_remaining <= 0 && now < _resetAt)
            {
                throw new GatewayFatalException(
                    $"Discord's session start limit is spent ({limit.Total} IDENTIFYs per day); it resets at {_resetAt:u}. " +
                    "Something restarted the bot too often; start it again after that time.");
            }

            if (now >= _resetAt)
            {
                _remaining = limit.Total;
            }

            var key = shardId % Math.Max(1, limit.MaxConcurrency);
            if (_lastByKey.TryGetValue(key, out var last) && now - last < Spacing)
            {
                await Task.Delay(last + Spacing - now, time, cancellationToken);
            }

            _lastByKey[key] = time.GetUtcNow();
            _remaining--;
        }
        finally
        {
            _lock.Release();
        }
    }
}
