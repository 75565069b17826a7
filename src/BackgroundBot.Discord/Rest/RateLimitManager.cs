using System.Collections.Concurrent;

namespace BackgroundBot.Discord.Rest;

/// <summary>
/// Finds the bucket of a route. A route starts in a bucket of its own (method + template + major parameter); once Discord names
/// the bucket in <c>X-RateLimit-Bucket</c>, every route template sharing that hash and major parameter shares one bucket.
/// Also holds the global limit (50 requests per second for the bot, and a global 429's retry_after).
/// </summary>
internal sealed class RateLimitManager(TimeProvider time)
{
    // https://discord.com/developers/docs/topics/rate-limits#global-rate-limit
    private const int GlobalPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _hashByTemplate = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _global = new(1, 1);
    private DateTimeOffset _globalBlockedUntil;
    private DateTimeOffset _windowStart;
    private int _windowCount;

    public RateLimitBucket GetBucket(Route route)
    {
        var key = _hashByTemplate.TryGetValue(route.TemplateKey, out var hash) ? $"{hash}:{route.MajorParameter}" : route.Key;
        return _buckets.GetOrAdd(key, _ => new RateLimitBucket(time));
    }

    /// <summary>Remembers the bucket hash Discord gave for a route, moving the route's state to the hashed key.</summary>
    public void Learn(Route route, RateLimitBucket bucket, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Bucket", out var values) && values.FirstOrDefault() is { Length: > 0 } hash)
        {
            _buckets.TryAdd($"{hash}:{route.MajorParameter}", bucket);
            _hashByTemplate[route.TemplateKey] = hash;
        }
    }

    /// <summary>Waits for the global limit. Interaction routes are exempt from it.</summary>
    public async Task WaitGlobalAsync(Route route, CancellationToken cancellationToken)
    {
        if (route.IsInteraction)
        {
            return;
        }

        await _global.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                if (now < _globalBlockedUntil)
                {
                    await Task.Delay(_globalBlockedUntil - now, time, cancellationToken);
                    continue;
                }

                if (now - _windowStart >= TimeSpan.FromSeconds(1))
                {
                    _windowStart = now;
                    _windowCount = 0;
                }

                if (_windowCount < GlobalPerSecond)
                {
                    _windowCount++;
                    return;
                }

                await Task.Delay(_windowStart + TimeSpan.FromSeconds(1) - now, time, cancellationToken);
            }
        }
        finally
        {
            _global.Release();
        }
    }

    /// <summary>A global 429: nothing is sent until <paramref name="retryAfter"/> has passed.</summary>
    public void BlockGlobal(TimeSpan retryAfter)
    {
        var until = time.GetUtcNow() + retryAfter;
        lock (_buckets)
        {
            if (until > _globalBlockedUntil)
            {
                _globalBlockedUntil = until;
            }
        }
    }
}
