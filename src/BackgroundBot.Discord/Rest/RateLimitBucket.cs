using System.Globalization;

namespace BackgroundBot.Discord.Rest;

/// <summary>
/// One rate-limit bucket. Until Discord has told us its limits (the <c>X-RateLimit-*</c> headers), only one request at a time
/// goes out on it, so a burst cannot overrun a limit we do not know yet.
/// </summary>
/// <remarks>
/// A bucket <paramref name="sharedByTokens"/> stands for one interaction route template across all tokens. Discord limits each
/// token on its own, and a token sees only a handful of requests in its 15 minutes, so such a bucket neither queues nor counts:
/// it only holds everyone back after a 429, for the retry_after Discord asked for.
/// </remarks>
internal sealed class RateLimitBucket(TimeProvider time, bool sharedByTokens = false)
{
    // Serializes acquirers; held for a whole request while the limits are unknown.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _state = new();
    private bool _known;
    private int _limit = 1;
    private int _remaining = 1;
    private DateTimeOffset _resetAt;
    private DateTimeOffset _lastUsed;

    // Requests waiting for or holding a lease; a bucket in use is never forgotten.
    private int _users;

    /// <summary>Waits until the bucket has room; the lease must be completed with the response (or disposed on failure).</summary>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _users);
        try
        {
            return sharedByTokens ? await WaitUnblockedAsync(cancellationToken) : await AcquireCountedAsync(cancellationToken);
        }
        catch
        {
            Interlocked.Decrement(ref _users);
            throw;
        }
    }

    /// <summary>Stops the bucket until <paramref name="retryAfter"/> has passed (after a 429 on this route).</summary>
    public void Block(TimeSpan retryAfter)
    {
        lock (_state)
        {
            _known = true;
            _remaining = 0;
            _resetAt = time.GetUtcNow() + retryAfter;
        }
    }

    /// <summary>Marks the bucket as just used (its manager hands it out).</summary>
    internal void Touch(DateTimeOffset now)
    {
        lock (_state)
        {
            _lastUsed = now;
        }
    }

    /// <summary>True when nothing is in flight, any wait Discord asked for is over, and it was last used <paramref name="idleAfter"/> ago.</summary>
    internal bool IsIdle(DateTimeOffset now, TimeSpan idleAfter)
    {
        lock (_state)
        {
            return Volatile.Read(ref _users) == 0 && now >= _resetAt && now - _lastUsed >= idleAfter;
        }
    }

    private async Task<Lease> AcquireCountedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        bool known;
        lock (_state)
        {
            known = _known;
        }

        if (!known)
        {
            // Unknown limits: hold the gate for the whole request, released once the headers have been read.
            return new Lease(this, holdsGate: true);
        }

        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_state)
                {
                    var now = time.GetUtcNow();
                    if (_remaining <= 0 && now >= _resetAt)
                    {
                        _remaining = _limit;
                    }

                    if (_remaining > 0)
                    {
                        _remaining--;
                        break;
                    }

                    wait = _resetAt - now;
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }

        return new Lease(this, holdsGate: false);
    }

    private async Task<Lease> WaitUnblockedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_state)
            {
                wait = _resetAt - time.GetUtcNow();
            }

            if (wait <= TimeSpan.Zero)
            {
                return new Lease(this, holdsGate: false);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private void Release(bool holdsGate)
    {
        if (holdsGate)
        {
            _gate.Release();
        }

        Touch(time.GetUtcNow());
        Interlocked.Decrement(ref _users);
    }

    private void Update(HttpResponseMessage response)
    {
        if (sharedByTokens || !TryGetDouble(response, "X-RateLimit-Remaining", out var remaining) || !TryGetDouble(response, "X-RateLimit-Reset-After", out var resetAfter))
        {
            return;
        }

        lock (_state)
        {
            _known = true;
            _limit = TryGetDouble(response, "X-RateLimit-Limit", out var limit) ? Math.Max(1, (int)limit) : Math.Max(_limit, (int)remaining + 1);
            _remaining = (int)remaining;
            _resetAt = time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter);
        }
    }

    internal static bool TryGetDouble(HttpResponseMessage response, string header, out double value)
    {
        value = 0;
        return response.Headers.TryGetValues(header, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A permit to send one request on the bucket.</summary>
    internal sealed class Lease(RateLimitBucket bucket, bool holdsGate) : IDisposable
    {
        private bool _holdsGate = holdsGate;
        private bool _done;

        /// <summary>Reads the limits from the response and lets the next request go.</summary>
        public void Complete(HttpResponseMessage response)
        {
            bucket.Update(response);
            Dispose();
        }

        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            bucket.Release(_holdsGate);
            _holdsGate = false;
        }
    }
}
