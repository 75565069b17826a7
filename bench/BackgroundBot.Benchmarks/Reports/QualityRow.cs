namespace BackgroundBot.Benchmarks.Reports;

/// <summary>One engine's quality and per-question latency on one corpus size.</summary>
public sealed record QualityRow(
    string Engine,
    int Passages,
    int Questions,
    int HitAt1,
    int HitAt3,
    int OtherNameQuestions,
    int OtherNameHitAt3,
    double MedianMicroseconds,
    double P95Microseconds,
    double CpuMicroseconds,
    IReadOnlyList<string> Missed);
