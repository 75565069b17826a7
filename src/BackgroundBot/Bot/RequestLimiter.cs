using Microsoft.Extensions.Logging;

namespace BackgroundBot.Bot;

/// <summary>
/// Sliding windows per key (a member, a channel), on the injected clock. Says how long to wait when a key is over its
/// limit, so the member can be told when to try again. A key whose window has emptied is forgotten, so the limiter holds
/// only the members and channels active within their window, not everyone who ever asked. With shared windows (the
/// PostgreSQL store) the count is kept there, so it holds across instances; while they are unreachable, it is kept here.
/// </summary>
public sealed class RequestLimiter(TimeProvider time, ISharedRequestWindows? shared = null, ILogger<RequestLimiter>? logger = null)
{
    /// <summary>The window of the per-minute limits (questions per member and per channel).</summary>
    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // Emptied windows are dropped when their key is next used, and by a sweep of all keys at most this often.
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Window> _windows = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep = time.GetUtcNow();

    /// <summary>Keys currently held (members and channels with requests inside their window); for tests and diagnostics.</summary>
    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _windows.Count;
            }
        }
    }

    /// <summary>Counts a request for every key, or none if any key is over its per-minute limit; then returns how long to wait.</summary>
    public TimeSpan? TryAcquire(params (string Key, int Limit)[] keys) => TryAcquire(Minute, keys);

    /// <summary>
    /// Counts a request for every key, or none if any key is over its limit within <paramref name="window"/>; then returns how
    /// long to wait. A key is always used with the same window (keys are prefixed by what they limit).
    /// </summary>
    public TimeSpan? TryAcquire(TimeSpan window, params (string Key, int Limit)[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = time.GetUtcNow();
        if (shared is not null)
        {
            try
            {
                return shared.TryAcquire(now, window, keys);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or TimeoutException or InvalidOperationException)
            {
                // A limit is a courtesy to the server, not a reason to fail a question: count locally until the store is back.
                Log.SharedWindowsUnavailable(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<RequestLimiter>.Instance, ex);
            }
        }

        lock (_gate)
        {
            if (now - _lastSweep >= SweepEvery)
            {
                Sweep(now);
            }

            TimeSpan? wait = null;
            foreach (var (key, limit) in keys)
            {
                if (!_windows.TryGetValue(key, out var hits))
                {
                    continue;
                }

                hits.Prune(now);
                if (hits.Count >= limit)
                {
                    var free = hits.OldestEndsAt - now;
                    wait = wait is { } w && w > free ? w : free;
                }
            }

            if (wait is not null)
            {
                return wait;
            }

            foreach (var (key, _) in keys)
            {
                if (!_windows.TryGetValue(key, out var hits))
                {
                    hits = new Window(window);
                    _windows[key] = hits;
                }

                hits.Add(now);
            }

            return null;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        _lastSweep = now;
        List<string>? empty = null;
        foreach (var (key, hits) in _windows)
        {
            hits.Prune(now);
            if (hits.Count == 0)
            {
                (empty ??= []).Add(key);
            }
        }

        empty?.ForEach(key => _windows.Remove(key));
    }

    /// <summary>The times of one key's requests inside its window, oldest first.</summary>
    private sealed class Window(TimeSpan length)
    {
        private readonly Queue<DateTimeOffset> _hits = new();

        public int Count => _hits.Count;

        public DateTimeOffset OldestEndsAt => _hits.Peek() + length;

        public void Add(DateTimeOffset now) => _hits.Enqueue(now);

        public void Prune(DateTimeOffset now)
        {
            while (_hits.Count > 0 && _hits.Peek() + length <= now)
            {
                _hits.Dequeue();
            }
        }
    }
}
