using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BackgroundBot.Answering;

namespace BackgroundBot.Operations;

/// <summary>
/// The bot's own instruments, on the <see cref="MeterName"/> meter: answers by mode and grounding, declines by reason, answer
/// latency, and the size of the members' rate-limit windows. Documented in <c>deploy/metrics.md</c>.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "BackgroundBot";

    private readonly Counter<long> _answers;
    private readonly Counter<long> _declines;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<string, Func<long>> _caches = new(StringComparer.Ordinal);

    public BotMetrics(IMeterFactory meters, Bot.RequestLimiter? limiter = null)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _answers = meter.CreateCounter<long>("backgroundbot.answers", "{answer}", "Answers given through Discord, by mode (extractive, generative) and grounded (true, false: a decline).");
        _declines = meter.CreateCounter<long>("backgroundbot.declines", "{answer}", "Questions declined, by reason (not-covered, takes-sides, rule-override, off-topic).");
        _duration = meter.CreateHistogram<double>("backgroundbot.answer.duration", "s", "Time from taking a question to its final answer, by mode and grounded.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        meter.CreateObservableGauge("backgroundbot.cache.entries", () => _caches.Select(c => new Measurement<long>(c.Value(), new KeyValuePair<string, object?>("cache", c.Key))),
            "{entry}", "Entries in the bot's bounded caches, by cache (member_rate_windows: members and channels with a live rate-limit window).");
        if (limiter is not null)
        {
            ObserveCache("member_rate_windows", () => limiter.Count);
        }
    }

    /// <summary>Counts a final answer (a decline included) that took <paramref name="elapsed"/>.</summary>
    public void Answered(GroundedAnswer answer, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var mode = answer.Mode == AnswerMode.Generative ? "generative" : "extractive";
        var grounded = answer.Grounded ? "true" : "false";
        _answers.Add(1, new("mode", mode), new("grounded", grounded));
        _duration.Record(elapsed.TotalSeconds, new("mode", mode), new("grounded", grounded));
        if (answer.Declined is { } reason)
        {
            _declines.Add(1, new KeyValuePair<string, object?>("reason", Reason(reason)));
        }
    }

    /// <summary>Reports a cache's size on each scrape under <paramref name="cache"/>.</summary>
    public void ObserveCache(string cache, Func<long> size) => _caches[cache] = size;

    private static string Reason(DeclineReason reason) => reason switch
    {
        DeclineReason.NotCovered => "not-covered",
        DeclineReason.TakesSides => "takes-sides",
        DeclineReason.RuleOverride => "rule-override",
        DeclineReason.OffTopic => "off-topic",
        _ => reason.ToString(),
    };
}
