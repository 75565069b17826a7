namespace BackgroundBot.Community;

/// <summary>
/// Sliding one-minute windows per key (a member, a channel), on the injected clock. Says how long to wait when a
/// key is over its limit, so the member can be told when to try again.
/// </summary>
public sealed class RequestLimiter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _hits = [];
    private readonly Lock _gate = new();

    /// <summary>Counts a request for every key, or none if any key is over its limit; then returns how long to wait.</summary>
    public TimeSpan? TryAcquire(params (string Key, int Limit)[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = time.GetUtcNow();
        lock (_gate)
        {
            TimeSpan? wait = null;
            foreach (var (key, limit) in keys)
            {
                var hits = Hits(key, now);
                if (hits.Count >= limit)
                {
                    var free = hits.Peek() + Window - now;
                    wait = wait is { } w && w > free ? w : free;
                }
            }

            if (wait is not null)
            {
                return wait;
            }

            foreach (var (key, _) in keys)
            {
                _hits[key].Enqueue(now);
            }

            return null;
        }
    }

    private Queue<DateTimeOffset> Hits(string key, DateTimeOffset now)
    {
        if (!_hits.TryGetValue(key, out var hits))
        {
            hits = new Queue<DateTimeOffset>();
            _hits[key] = hits;
        }

        while (hits.Count > 0 && hits.Peek() + Window <= now)
        {
            hits.Dequeue();
        }

        return hits;
    }
}
