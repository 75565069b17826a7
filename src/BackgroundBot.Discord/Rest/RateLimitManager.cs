namespace BackgroundBot.Discord.Rest;

/// <summary>
/// Finds the bucket of a route. A route starts in a bucket of its own (method + template + major parameter); once Discord names
/// the bucket in <c>X-RateLimit-Bucket</c>, every route template sharing that hash and major parameter shares one bucket.
/// Interaction routes share one bucket per template, whatever their token (see <see cref="RateLimitBucket"/>). Buckets left idle
/// for <see cref="IdleAfter"/> are forgotten, so the cache holds only the routes in use. Also holds the global limit
/// (50 requests per second for the bot, and a global 429's retry_after).
/// </summary>
internal sealed class RateLimitManager(TimeProvider time)
{
    /// <summary>
    /// How long a bucket must go unused, with nothing in flight and its reset passed, before it is forgotten. Forgetting loses
    /// nothing: the route starts again one request at a time until Discord tells its limits.
    /// </summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(5);

    // A sweep visits every bucket, so it runs at most this often; idle buckets live at most IdleAfter + SweepEvery.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    // https://discord.com/developers/docs/topics/rate-limits#global-rate-limit
    private const int GlobalPerSecond = 50;

    // Both maps are guarded by _buckets. Templates are the routes in this code, a fixed few; buckets are evicted when idle.
    private readonly Dictionary<string, string> _hashByTemplate = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _global = new(1, 1);
    private readonly Lock _globalBlock = new();
    private DateTimeOffset _globalBlockedUntil;
    private DateTimeOffset _windowStart;
    private int _windowCount;
    private DateTimeOffset _lastSweep = time.GetUtcNow();

    /// <summary>Entries in the bucket cache (a route and its learnt hash may name the same bucket); for tests and diagnostics.</summary>
    internal int BucketCount
    {
        get
        {
            lock (_buckets)
            {
                return _buckets.Count;
            }
        }
    }

    public RateLimitBucket GetBucket(Route route)
    {
        var now = time.GetUtcNow();
        lock (_buckets)
        {
            if (now - _lastSweep >= SweepEvery)
            {
                Sweep(now);
            }

            // Interaction limits are per token, and a token lives 15 minutes: a bucket per token would be one per interaction.
            var key = route.IsInteraction ? route.TemplateKey
                : _hashByTemplate.TryGetValue(route.TemplateKey, out var hash) ? $"{hash}:{route.MajorParameter}" : route.Key;
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new RateLimitBucket(time, sharedByTokens: route.IsInteraction);
                _buckets[key] = bucket;
            }

            bucket.Touch(now);
            return bucket;
        }
    }

    /// <summary>Remembers the bucket hash Discord gave for a route, moving the route's state to the hashed key.</summary>
    public void Learn(Route route, RateLimitBucket bucket, HttpResponseMessage response)
    {
        if (route.IsInteraction)
        {
            // Each token has its own limits; learning them for the template would hold every member to one member's budget.
            return;
        }

        if (response.Headers.TryGetValues("X-RateLimit-Bucket", out var values) && values.FirstOrDefault() is { Length: > 0 } hash)
        {
            lock (_buckets)
            {
                _buckets.TryAdd($"{hash}:{route.MajorParameter}", bucket);
                _hashByTemplate[route.TemplateKey] = hash;
            }
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
                DateTimeOffset blockedUntil;
                lock (_globalBlock)
                {
                    blockedUntil = _globalBlockedUntil;
                }

                if (now < blockedUntil)
                {
                    await Task.Delay(blockedUntil - now, time, cancellationToken);
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
        lock (_globalBlock)
        {
            if (until > _globalBlockedUntil)
            {
                _globalBlockedUntil = until;
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        _lastSweep = now;
        List<string>? idle = null;
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.IsIdle(now, IdleAfter))
            {
                (idle ??= []).Add(key);
            }
        }

        idle?.ForEach(key => _buckets.Remove(key));
    }
}
