using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>Benchmarks measured as the first call in each of several fresh processes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ColdRunAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(BenchJobs.Cold).AddColumn(StatisticColumn.Median);
}
