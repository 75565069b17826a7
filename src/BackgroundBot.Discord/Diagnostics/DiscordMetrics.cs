using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using BackgroundBot.Discord.Interactions;

namespace BackgroundBot.Discord.Diagnostics;

/// <summary>
/// The Discord layer's instruments, on the <see cref="MeterName"/> meter: interactions received, answered late and failed, the
/// queue for a free handler, gateway connects, sessions and close codes, REST requests by route and outcome, and the sizes of
/// the caches that must stay bounded. Exported by the host (Prometheus <c>/metrics</c>); names and labels are documented in
/// <c>deploy/metrics.md</c>.
/// </summary>
public sealed class DiscordMetrics
{
    /// <summary>The meter's name, for the host's metrics exporter.</summary>
    public const string MeterName = "BackgroundBot.Discord";

    // https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction
    private static readonly TimeSpan FirstAnswerLimit = TimeSpan.FromSeconds(3);

    private readonly Counter<long> _received;
    private readonly Counter<long> _late;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _refused;
    private readonly Histogram<double> _firstAnswer;
    private readonly Counter<long> _connects;
    private readonly Counter<long> _sessions;
    private readonly Counter<long> _closes;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly ConcurrentDictionary<string, Func<long>> _sizes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> _waiting = new();
    private readonly TimeProvider _time;
    private Func<long> _invalidRequests = static () => 0;
    private long _invalidRequestLimit;
    private long _nextWaiter;
    private int _running;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>; register with <c>AddDiscordRest</c>.</summary>
    /// <param name="meters">The host's meter factory.</param>
    /// <param name="time">The clock queue ages are read from.</param>
    public DiscordMetrics(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("backgroundbot.discord.interactions.received", "{interaction}", "Interactions received, by transport and type.");
        _late = meter.CreateCounter<long>("backgroundbot.discord.interactions.late", "{interaction}", "Interactions whose first answer left more than 3 seconds after receipt (Discord shows them as failed).");
        _failed = meter.CreateCounter<long>("backgroundbot.discord.interactions.failed", "{interaction}", "Interactions whose handler failed (the member got a reference), or were abandoned at shutdown.");
        _refused = meter.CreateCounter<long>("backgroundbot.discord.interactions.refused", "{interaction}", "Interactions refused because the bot was shutting down (serve answers 503).");
        _firstAnswer = meter.CreateHistogram<double>("backgroundbot.discord.interactions.first_answer.duration", "s", "Time from receipt to the first answer (response, deferral, modal).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5, 10] });
        meter.CreateObservableUpDownCounter("backgroundbot.discord.interactions.queued", () => (long)_waiting.Count, "{interaction}", "Interactions waiting for a free handler (Discord:MaxConcurrentInteractions).");
        meter.CreateObservableGauge("backgroundbot.discord.interactions.queue.age", OldestWaiting, "s", "How long the oldest interaction waiting for a handler has waited.");
        meter.CreateObservableUpDownCounter("backgroundbot.discord.interactions.running", () => (long)Volatile.Read(ref _running), "{interaction}", "Interaction handlers running now.");
        _connects = meter.CreateCounter<long>("backgroundbot.discord.gateway.connects", "{connection}", "Gateway connections opened, by what they were opened to do (identify or resume).");
        _sessions = meter.CreateCounter<long>("backgroundbot.discord.gateway.sessions", "{event}", "READY (a new session, a re-identify after the first) and RESUMED events.");
        _closes = meter.CreateCounter<long>("backgroundbot.discord.gateway.closes", "{close}", "Gateway connections ended, by close code (none: dropped without one).");
        _requests = meter.CreateCounter<long>("backgroundbot.discord.rest.requests", "{request}", "REST requests sent to Discord, by method, route template and status (network: no answer).");
        _requestDuration = meter.CreateHistogram<double>("backgroundbot.discord.rest.request.duration", "s", "REST request time, one attempt.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        meter.CreateObservableGauge("backgroundbot.discord.rest.invalid_requests", () => _invalidRequests(), "{request}", "Invalid requests (401, 403, 429) in Discord's current 10-minute window; Discord bans the IP at 10,000.");
        meter.CreateObservableGauge("backgroundbot.discord.rest.invalid_requests.limit", () => Volatile.Read(ref _invalidRequestLimit), "{request}", "Discord:InvalidRequestLimit: where the bot stops sending.");
        meter.CreateObservableGauge("backgroundbot.discord.cache.entries", ObserveSizes, "{entry}", "Entries in the bot's bounded caches, by cache.");
    }

    /// <summary>Registers a cache whose size is reported under <paramref name="cache"/> (rate-limit buckets, replay guard...).</summary>
    /// <param name="cache">The label value.</param>
    /// <param name="size">Reads the size; called on each scrape.</param>
    public void ObserveCache(string cache, Func<long> size) => _sizes[cache] = size;

    internal void ObserveInvalidRequests(Func<long> count, long limit)
    {
        _invalidRequests = count;
        Volatile.Write(ref _invalidRequestLimit, limit);
    }

    internal void Received(InteractionTransport transport, Models.InteractionType type) =>
        _received.Add(1, new("transport", Transport(transport)), new("type", type.ToString()));

    internal void FirstAnswer(InteractionTransport transport, TimeSpan elapsed)
    {
        _firstAnswer.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("transport", Transport(transport)));
        if (elapsed > FirstAnswerLimit)
        {
            _late.Add(1, new KeyValuePair<string, object?>("transport", Transport(transport)));
        }
    }

    /// <summary>Counts an interaction that failed: <c>error</c> (the member got a reference) or <c>shutdown</c> (given up at shutdown).</summary>
    /// <param name="transport">How it arrived.</param>
    /// <param name="reason">error or shutdown.</param>
    public void Failed(InteractionTransport transport, string reason) =>
        _failed.Add(1, new("transport", Transport(transport)), new("reason", reason));

    internal void Refused(InteractionTransport transport) => _refused.Add(1, new KeyValuePair<string, object?>("transport", Transport(transport)));

    /// <summary>Marks an interaction as waiting for a handler since <paramref name="receivedAt"/>; dispose when it got one.</summary>
    internal IDisposable Waiting(long receivedAt)
    {
        var id = Interlocked.Increment(ref _nextWaiter);
        _waiting[id] = receivedAt;
        return new Leave(() => _waiting.TryRemove(id, out _));
    }

    /// <summary>Counts a running handler until disposed.</summary>
    internal IDisposable Running()
    {
        Interlocked.Increment(ref _running);
        return new Leave(() => Interlocked.Decrement(ref _running));
    }

    internal void Connecting(string action) => _connects.Add(1, new KeyValuePair<string, object?>("action", action));

    internal void Session(string outcome) => _sessions.Add(1, new KeyValuePair<string, object?>("event", outcome));

    internal void Closed(int? closeCode) => _closes.Add(1, new KeyValuePair<string, object?>("code", closeCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));

    internal void Request(string method, string route, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "method", method }, { "route", route }, { "status", status } };
        _requests.Add(1, tags);
        _requestDuration.Record(elapsed.TotalSeconds, tags);
    }

    private static string Transport(InteractionTransport transport) => transport == InteractionTransport.Gateway ? "gateway" : "http";

    private double OldestWaiting()
    {
        var oldest = _waiting.Values.DefaultIfEmpty(long.MaxValue).Min();
        return oldest == long.MaxValue ? 0 : _time.GetElapsedTime(oldest).TotalSeconds;
    }

    private IEnumerable<Measurement<long>> ObserveSizes() =>
        _sizes.Select(s => new Measurement<long>(s.Value(), new KeyValuePair<string, object?>("cache", s.Key)));

    private sealed class Leave(Action leave) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                leave();
            }
        }
    }
}
