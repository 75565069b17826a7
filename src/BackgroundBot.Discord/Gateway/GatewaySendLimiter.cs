namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// Discord closes a connection that sends more than 120 payloads in 60 seconds with 4008
/// (<see href="https://discord.com/developers/docs/events/gateway#rate-limiting"/>). Like Discord.Net's GatewayBucket,
/// 3 of the 120 are kept for heartbeats, so a burst of other payloads can never starve the heartbeat and get the connection zombied.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int PerWindow = 120;
    public const int ReservedForHeartbeats = 3;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private DateTimeOffset _windowStart = time.GetUtcNow();
    private int _count;

    public async Task WaitAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var limit = heartbeat ? PerWindow : PerWindow - ReservedForHeartbeats;
        // Heartbeats do not queue behind payloads waiting for the window.
        if (!heartbeat)
        {
            await _lock.WaitAsync(cancellationToken);
        }

        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                lock (this)
                {
                    if (now - _windowStart >= Window)
                    {
                        _windowStart = now;
                        _count = 0;
                    }

                    if (_count < limit)
                    {
                        _count++;
                        return;
                    }
                }

                await Task.Delay(_windowStart + Window - now, time, cancellationToken);
            }
        }
        finally
        {
            if (!heartbeat)
            {
                _lock.Release();
            }
        }
    }
}
