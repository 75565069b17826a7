using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>Benchmarks of operations of a second or more, timed a few times each.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(BenchJobs.Long).AddColumn(StatisticColumn.Median).AddDiagnoser(MemoryDiagnoser.Default);
}
