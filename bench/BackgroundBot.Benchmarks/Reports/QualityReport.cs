using System.Diagnostics;
using System.Globalization;
using BackgroundBot.Benchmarks.Baseline;
using BackgroundBot.Benchmarks.Corpus;
using BackgroundBot.Benchmarks.Fixtures;

namespace BackgroundBot.Benchmarks.Reports;

/// <summary>
/// Retrieval quality (hit rate at 1 and 3: is the passage that answers the question first, or in the top 3) for
/// both engines on the same corpus and questions, with each question's median latency over repeated runs, so a
/// per-query median and 95th percentile sit beside the BenchmarkDotNet means.
/// </summary>
public static class QualityReport
{
    /// <param name="warmUp">How long each engine runs the questions before timing (tiered JIT settles meanwhile).</param>
    public static IReadOnlyList<QualityRow> Measure(int passages, int repetitions = 31, TimeSpan? warmUp = null)
    {
        var warmUpTime = warmUp ?? TimeSpan.FromSeconds(2);
        var corpus = CorpusGenerator.Generate(passages);
        using var bot = new InMemoryBot(corpus.Passages);
        using var lucene = new LuceneBaseline(corpus.Passages, storeText: false);
        return
        [
            Evaluate("BackgroundBot", passages, corpus.Questions, q => bot.SearchPassages(q, 3), q => bot.Search(q, 10).Count, repetitions, warmUpTime),
            Evaluate("Lucene.Net", passages, corpus.Questions, q => lucene.SearchPassages(q, 3), q => lucene.Search(q, 10).ScoreDocs.Length, repetitions, warmUpTime),
        ];
    }

    public static void Write(TextWriter output, IEnumerable<int> sizes, int repetitions = 31)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sizes);
        output.WriteLine("| Passages | Engine | hit@1 | hit@3 | hit@3, other-name questions | query median | query p95 | CPU per query | misses at 3 |");
        output.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var size in sizes)
        {
            foreach (var row in Measure(size, repetitions))
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {row.Passages:N0} | {row.Engine} | {row.HitAt1}/{row.Questions} | {row.HitAt3}/{row.Questions} | {row.OtherNameHitAt3}/{row.OtherNameQuestions} | {row.MedianMicroseconds:N0} µs | {row.P95Microseconds:N0} µs | {row.CpuMicroseconds:N0} µs | {(row.Missed.Count == 0 ? "none" : string.Join("; ", row.Missed))} |"));
            }

            output.Flush();
        }
    }

    private static QualityRow Evaluate(
        string engine, int passages, IReadOnlyList<BenchQuestion> questions, Func<string, IReadOnlyList<int>> top3, Func<string, int> query, int repetitions, TimeSpan warmUpTime)
    {
        var hit1 = 0;
        var hit3 = 0;
        var otherNameHit3 = 0;
        var missed = new List<string>();
        var medians = new List<double>();

        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < warmUpTime)
        {
            foreach (var question in questions)
            {
                query(question.Text);
            }
        }

        foreach (var question in questions)
        {
            var found = top3(question.Text);
            if (found.Count > 0 && found[0] == question.AnswerPassage)
            {
                hit1++;
            }

            if (found.Contains(question.AnswerPassage))
            {
                hit3++;
                otherNameHit3 += question.UsesOtherName ? 1 : 0;
            }
            else
            {
                missed.Add(question.Text);
            }

            medians.Add(MedianMicroseconds(() => query(question.Text), repetitions));
        }

        medians.Sort();

        // Processor time per query over repeated rounds of the whole set: unlike wall time, it does not count the
        // time the thread waited for a core, so it stays comparable on a machine shared with other work.
        using var self = Process.GetCurrentProcess();
        var rounds = Math.Max(1, repetitions / 3);
        var cpuBefore = self.TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                query(question.Text);
            }
        }

        self.Refresh();
        var cpuPerQuery = (self.TotalProcessorTime - cpuBefore).TotalMicroseconds / (rounds * questions.Count);
        return new QualityRow(
            engine,
            passages,
            questions.Count,
            hit1,
            hit3,
            questions.Count(q => q.UsesOtherName),
            otherNameHit3,
            Percentile(medians, 0.5),
            Percentile(medians, 0.95),
            cpuPerQuery,
            missed);
    }

    private static double MedianMicroseconds(Func<int> run, int repetitions)
    {
        var times = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return times[repetitions / 2];
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Round(p * (sorted.Count - 1))];
}
