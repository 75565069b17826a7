using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Job settings that keep the whole suite near ten minutes on two shared cores: one launch and a few iterations
/// where a single operation is long (building 100k passages), more where it is short (a query).
/// </summary>
internal static class BenchJobs
{
    /// <summary>Short operations: queries and asks.</summary>
    public static Job Short => Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);

    /// <summary>Operations of a second or more, timed once each: index builds, imports.</summary>
    public static Job Long => Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3);

    /// <summary>Each measurement the first call in a fresh process: start-up as a user meets it.</summary>
    public static Job Cold => Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(5).WithWarmupCount(0).WithIterationCount(1);
}
