using System.Globalization;
using BackgroundBot.Benchmarks.Fixtures;
using BackgroundBot.Benchmarks.Reports;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/BackgroundBot.Benchmarks -- --filter '*'    the suite, then the report
// dotnet run -c Release --project bench/BackgroundBot.Benchmarks -- --report        quality and memory only (minutes)
// dotnet run -c Release --project bench/BackgroundBot.Benchmarks -- --quality 1000  quality at chosen sizes (seconds)
// dotnet run -c Release --project bench/BackgroundBot.Benchmarks -- --memory        working sets only
// Any other arguments are BenchmarkDotNet's (--filter, --list flat, --job, ...).
int[] reportSizes = [1_000, 10_000, 100_000];
const int WorkingSetPassages = 100_000;

if (args.Length >= 3 && args[0] == WorkingSetReport.Mode)
{
    WorkingSetReport.MeasureHere(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), Console.Out);
    return 0;
}

if (args.Length >= 1 && args[0] == "--quality")
{
    var sizes = args.Length > 1 ? args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : reportSizes;
    QualityReport.Write(Console.Out, sizes);
    return 0;
}

if (args.Length >= 1 && args[0] == "--memory")
{
    BenchStore.Ensure(WorkingSetPassages, Console.Out);
    WorkingSetReport.Write(Console.Out, WorkingSetPassages);
    return 0;
}

if (args.Length >= 1 && args[0] == "--report")
{
    WriteReport();
    return 0;
}

var noReport = args.Contains("--no-report");
var benchmarkArgs = args.Where(a => a != "--no-report").ToArray();
var informational = benchmarkArgs.Any(a => a is "--list" or "--help" or "-h" or "--info" or "--version");
if (!informational)
{
    // Stores are imported once and cached, before any measurement, so no benchmark process pays for it.
    BenchStore.Ensure(10_000, Console.Out);
    BenchStore.Ensure(100_000, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(QualityReport).Assembly).Run(benchmarkArgs);
if (!noReport && !informational)
{
    WriteReport();
}

return 0;

void WriteReport()
{
    Console.WriteLine();
    Console.WriteLine("## Retrieval quality and per-question latency (same corpus, same questions)");
    Console.WriteLine();
    QualityReport.Write(Console.Out, reportSizes);
    Console.WriteLine();
    Console.WriteLine($"## Memory with {WorkingSetPassages:N0} passages loaded (each in a fresh process)");
    Console.WriteLine();
    BenchStore.Ensure(WorkingSetPassages, Console.Out);
    WorkingSetReport.Write(Console.Out, WorkingSetPassages);
}
