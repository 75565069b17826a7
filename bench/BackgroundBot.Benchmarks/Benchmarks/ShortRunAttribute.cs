using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>Benchmarks of short operations, with allocations per operation reported.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortRunAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(BenchJobs.Short).AddDiagnoser(MemoryDiagnoser.Default);
}
