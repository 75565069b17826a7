namespace BackgroundBot.Discord.Diagnostics;

/// <summary>
/// Whether Discord answers: the outcome of the last REST call, and how many gateway shards hold a READY (or RESUMED) session.
/// The readiness check reads it (<see cref="DiscordHealthCheck"/>); the REST client and the gateway write it.
/// </summary>
public sealed class DiscordReachability(TimeProvider time)
{
    private readonly Lock _gate = new();
    private RestOutcome? _last;
    private int _readyShards;

    /// <summary>The last REST call's outcome, or null before the first.</summary>
    public RestOutcome? LastCall
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Gateway shards that are READY now (0 for <c>serve</c>, which has no gateway).</summary>
    public int ReadyShards => Volatile.Read(ref _readyShards);

    internal void Succeeded(string call) => Record(new RestOutcome(true, call, null, time.GetUtcNow()));

    internal void Failed(string call, string reason) => Record(new RestOutcome(false, call, reason, time.GetUtcNow()));

    internal void ShardReady() => Interlocked.Increment(ref _readyShards);

    internal void ShardLost() => Interlocked.Decrement(ref _readyShards);

    private void Record(RestOutcome outcome)
    {
        lock (_gate)
        {
            _last = outcome;
        }
    }
}
