using System.Diagnostics;
using System.Globalization;
using BackgroundBot.Answering;
using BackgroundBot.Benchmarks.Baseline;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Benchmarks.Reports;

/// <summary>
/// Memory with a corpus loaded, each engine in a fresh process of its own so nothing else is counted: the bot as
/// it runs by default (host, open LiteDB store, word index, every passage's vector, the local model, one question
/// answered), the bot by words only (<c>Embeddings:Provider=None</c>), and Lucene.Net holding the same passages
/// (text stored in the index, as a bot built on it would need).
/// </summary>
public static class WorkingSetReport
{
    public const string Mode = "--working-set";

    /// <summary>The bot as it runs by default: words and meaning.</summary>
    public const string Hybrid = "bot";

    /// <summary>The bot by words only.</summary>
    public const string Lexical = "bot-words";

    public static IReadOnlyList<string> Engines { get; } = [Hybrid, Lexical, "lucene"];

    /// <summary>Runs one engine in this process and writes its memory figures as one line.</summary>
    public static void MeasureHere(string engine, int passages, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        IDisposable loaded;
        int count;
        var folder = Path.Combine(Path.GetTempPath(), "backgroundbot-bench-memory", Guid.NewGuid().ToString("N"));
        if (engine is Hybrid or Lexical)
        {
            var host = BenchStore.OpenHost(BenchStore.CopyOf(passages, folder), seed: true, meaning: engine == Hybrid);
            var answerer = host.Services.GetRequiredService<ExtractiveAnswerer>();
            answerer.AskAsync(new AskRequest("Who monitors the Lachin corridor?"), CancellationToken.None).GetAwaiter().GetResult();
            count = host.Services.GetRequiredService<Retrieval.Retriever>().Index.Count;
            loaded = host;
        }
        else
        {
            var lucene = new LuceneBaseline(CorpusGenerator.Generate(passages).Passages, storeText: true);
            lucene.Search("Who monitors the Lachin corridor?", 10);
            count = lucene.Count;
            loaded = lucene;
        }

        // First as the process stands after a full collection; then after an aggressive one, which also returns the
        // free space the start-up load left behind to the OS: what a long-running process settles to, as the GC
        // decommits unused memory over time.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        process.Refresh();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{engine} {count} {workingSet} {process.WorkingSet64} {process.PrivateMemorySize64} {GC.GetTotalMemory(forceFullCollection: false)}"));
        GC.KeepAlive(loaded);
        loaded.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Measures each engine in a child process and writes a markdown table.</summary>
    public static void Write(TextWriter output, int passages)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("| Engine | Passages | Working set after start-up | Working set settled | Private bytes settled | Managed heap |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var engine in Engines)
        {
            var line = RunChild(engine, passages).Split(' ');
            var name = engine switch
            {
                Hybrid => "BackgroundBot (host, LiteDB store, word index, vectors, local model)",
                Lexical => "BackgroundBot by words only (host, LiteDB store, word index)",
                _ => "Lucene.Net (RAMDirectory, text stored)",
            };
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {int.Parse(line[1], CultureInfo.InvariantCulture):N0} | {Mb(line[2])} | {Mb(line[3])} | {Mb(line[4])} | {Mb(line[5])} |"));
            output.Flush();
        }
    }

    private static string Mb(string bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{long.Parse(bytes, CultureInfo.InvariantCulture) / (1024.0 * 1024.0):N0} MB");

    private static string RunChild(string engine, int passages)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkingSetReport).Assembly.Location);
        }

        start.ArgumentList.Add(Mode);
        start.ArgumentList.Add(engine);
        start.ArgumentList.Add(passages.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        var lines = child.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        child.WaitForExit();
        return lines.LastOrDefault(l => l.StartsWith(engine + " ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The {engine} working-set run printed no result (exit code {child.ExitCode}).");
    }
}
