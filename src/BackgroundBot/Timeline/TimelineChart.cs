using System.Globalization;
using ScottPlot;

namespace BackgroundBot.Timeline;

/// <summary>
/// The timeline as a PNG: one row per entry, top to bottom in date order, years across; an event is a point and a
/// period a bar, each labelled with its date and statement. Sized for a phone: Discord shows an image at most about
/// 400 pixels wide there, so the picture is 1000 wide with 24-pixel text (about 10 on the phone) and a row per entry
/// rather than labels that would overlap.
/// </summary>
public static class TimelineChart
{
    /// <summary>More rows than this make a picture nobody reads on a phone; the caption says it was cut.</summary>
    public const int MaxMarks = 20;

    public const int Width = 1000;
    private const int RowHeight = 64;
    private const int Frame = 170;
    private const float LabelSize = 22;
    private const int LabelLength = 64;

    // A plain sans face reads best small. SkiaSharp's Linux build (NativeAssets.Linux.NoDependencies, no fontconfig)
    // finds faces under /usr/share/fonts only, and a slim image has none: every label would be blank. The image
    // installs fonts-dejavu-core, and the bot warns at start where the face is missing (see MissingFont).
    internal const string Font = "DejaVu Sans";

    /// <param name="names">Gives both names of a place (the both-names rule) in a label.</param>
    public static TimelineChartModel Build(IReadOnlyList<TimelineEntry> entries, string title, Func<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(names);
        var marks = entries.Take(MaxMarks)
            .Select((e, row) => new ChartMark(e.FactId, Label(e, names), YearOf(e.Date, end: false), e.DateEnd is null ? null : YearOf(e.DateEnd, end: true), row))
            .ToList();
        return new TimelineChartModel(title, marks, entries.Count);
    }

    /// <summary>The chart as ScottPlot holds it (its plottables are what <see cref="RenderPng"/> draws).</summary>
    public static Plot CreatePlot(TimelineChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var plot = new Plot();
        plot.Title(model.Cut ? $"{model.Title} (first {model.Marks.Count} of {model.Total})" : model.Title, size: 28);
        plot.Axes.Left.TickLabelStyle.IsVisible = false;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Font.Set(Font);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 22;

        plot.Axes.Bottom.Label.Text = "year";
        plot.Axes.Bottom.Label.FontSize = 22;
        plot.Grid.YAxisStyle.IsVisible = false;
        if (model.Marks.Count == 0)
        {
            plot.Add.Text("No dated facts match.", 0, 0).LabelFontSize = LabelSize;
            plot.Axes.SetLimits(-1, 1, -1, 1);
            return plot;
        }

        var first = model.Marks.Min(m => m.Start);
        var last = model.Marks.Max(m => m.End ?? m.Start);
        var span = Math.Max(last - first, 0.1);

        // Years, not quantities (1994, never "1,994" or "1994.5"); within a few years, months (Oct 2020).
        plot.Axes.Bottom.TickGenerator = span >= 3
            ? new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = y => y.ToString("0", CultureInfo.InvariantCulture) }
            : new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = y => DateOf(y, span < 0.5 ? "d MMM yyyy" : "MMM yyyy") };
        plot.Axes.Bottom.Label.Text = span >= 3 ? "year" : "date";
        foreach (var mark in model.Marks.Where(m => m.IsPeriod))
        {
            var bar = plot.Add.Rectangle(mark.Start, Math.Max(mark.End!.Value, mark.Start + (span / 200)), -mark.Row - 0.16, -mark.Row + 0.12);
            bar.FillColor = Colors.SteelBlue.WithAlpha(0.8);
            bar.LineColor = Colors.SteelBlue;
        }

        var events = model.Marks.Where(m => !m.IsPeriod).ToList();
        if (events.Count > 0)
        {
            var points = plot.Add.ScatterPoints(events.Select(m => m.Start).ToArray(), events.Select(m => (double)-m.Row).ToArray());
            points.MarkerSize = 16;
            points.MarkerShape = MarkerShape.FilledCircle;
            points.Color = Colors.DarkOrange;
        }

        // Each label sits on its own line above its mark, from the left edge: never cut off, never over another label.
        var left = first - (span * 0.05);
        foreach (var mark in model.Marks)
        {
            var text = plot.Add.Text(mark.Label, left + (span * 0.005), -mark.Row + 0.2);
            text.LabelFontSize = LabelSize;
            text.LabelAlignment = Alignment.LowerLeft;
            text.LabelFontColor = Colors.Black;
            text.LabelFontName = Font;
        }

        plot.Axes.SetLimits(left, last + (span * 0.04), -model.Marks.Count + 0.6, 0.75);
        return plot;
    }

    public static byte[] RenderPng(TimelineChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var plot = CreatePlot(model);
        return plot.GetImageBytes(Width, HeightFor(model), ImageFormat.Png);
    }

    /// <summary>Why the picture would have no text here (the face is not installed), or null when it has its face.</summary>
    public static string? MissingFont(string family = Font)
    {
        using var typeface = SkiaSharp.SKFontManager.Default.MatchFamily(family);
        return typeface is not null
            ? null
            : $"The font '{family}' is not installed, so the timeline picture would have no text; install it (on Debian and Ubuntu: apt-get install fonts-dejavu-core).";
    }

    public static int HeightFor(TimelineChartModel model) => Frame + (RowHeight * Math.Max(model?.Marks.Count ?? 0, 1));

    /// <summary>A date as a year with its fraction (mid-July 1921 is about 1921.53); a period's end counts to the end of its unit.</summary>
    public static double YearOf(string date, bool end)
    {
        ArgumentNullException.ThrowIfNull(date);
        var parts = date.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : (end ? 12 : 1);
        var day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : (end ? DateTime.DaysInMonth(year, month) : 1);
        var dayOfYear = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).DayOfYear - (end ? 0 : 1);
        return year + (dayOfYear / (DateTime.IsLeapYear(year) ? 366.0 : 365.0));
    }

    private static string DateOf(double year, string format)
    {
        var whole = (int)Math.Floor(year);
        var days = (year - whole) * (DateTime.IsLeapYear(whole) ? 366 : 365);
        return new DateTime(whole, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays(days).ToString(format, CultureInfo.InvariantCulture);
    }

    private static string Label(TimelineEntry entry, Func<string, string> names)
    {
        var when = entry.DateEnd is null ? entry.Date : $"{entry.Date} to {entry.DateEnd}";
        return Bot.DiscordLimits.Trim($"{when}: {names(entry.Statement)}", LabelLength);
    }
}
