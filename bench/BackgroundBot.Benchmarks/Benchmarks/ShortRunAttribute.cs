using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>Benchmarks of short operations, with the median (the targets' measure) and allocations per operation.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortRunAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(BenchJobs.Short).AddColumn(StatisticColumn.Median).AddDiagnoser(MemoryDiagnoser.Default);
}
