namespace BackgroundBot.Timeline;

/// <summary>
/// One entry as the chart draws it: a point at <see cref="Start"/> for an event, a bar from <see cref="Start"/> to
/// <see cref="End"/> for a period, on its own row (0 at the top) with its label. Years are fractional (mid-1994 is 1994.5).
/// </summary>
public sealed record ChartMark(int FactId, string Label, double Start, double? End, int Row)
{
    public bool IsPeriod => End is not null;
}
