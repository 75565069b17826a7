namespace BackgroundBot.Timeline;

/// <summary>What the timeline picture shows: its title, the marks it draws, and how many entries matched in all.</summary>
public sealed record TimelineChartModel(string Title, IReadOnlyList<ChartMark> Marks, int Total)
{
    /// <summary>True when the picture shows only the first entries (see <see cref="TimelineChart.MaxMarks"/>).</summary>
    public bool Cut => Marks.Count < Total;
}
