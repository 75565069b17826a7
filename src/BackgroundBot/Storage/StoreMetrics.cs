using System.Diagnostics.Metrics;

namespace BackgroundBot.Storage;

/// <summary>
/// The store's write latency (lock wait, transaction and commit), on the <c>BackgroundBot.Store</c> meter. A static meter: the store
/// is also opened by one-shot verbs that have no metrics pipeline, and recording on a meter nobody listens to costs nothing.
/// </summary>
public static class StoreMetrics
{
    private static readonly Meter Meter = new("BackgroundBot.Store");

    public static Histogram<double> WriteDuration { get; } = Meter.CreateHistogram<double>(
        "backgroundbot.store.write.duration", "s", "Time one store write took, waiting for the write lock included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
}
