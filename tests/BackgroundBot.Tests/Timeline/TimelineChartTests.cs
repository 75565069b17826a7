using BackgroundBot.Answering;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Timeline;
using Microsoft.Extensions.DependencyInjection;
using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;

namespace BackgroundBot.Tests.Timeline;

public sealed class TimelineChartTests
{
    [Fact]
    public void The_png_is_a_phone_sized_picture_with_something_drawn_on_it()
    {
        using var store = new TestStore(pack: true);
        var entries = new TimelineQuery(store.Store).Build(topic: "ceasefire", fromYear: 1990, toYear: 1999);
        var chart = TimelineChart.Build(entries, "Timeline: ceasefire", store.Services.GetRequiredService<PlaceNames>().AddAlternativeNames);

        var png = TimelineChart.RenderPng(chart);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(TimelineChart.Width, bitmap.Width);
        Assert.Equal(TimelineChart.HeightFor(chart), bitmap.Height);
        Assert.True(bitmap.Height > bitmap.Width / 2, "a row per entry, so the picture grows downwards and stays readable");
        var pixels = bitmap.Pixels;
        var ink = pixels.Count(p => p.Red < 128 && p.Green < 128 && p.Blue < 128);
        var orange = pixels.Count(p => p.Red > 200 && p.Green is > 100 and < 180 && p.Blue < 60);
        Assert.True(ink > pixels.Length / 200, $"text and axes are drawn ({ink} dark pixels)");
        Assert.True(orange > 100, $"the events' points are drawn ({orange} orange pixels)");
    }

    [Fact]
    public void Events_are_points_and_periods_are_bars_each_labelled_with_date_and_statement()
    {
        using var store = new TestStore(pack: true);
        var entries = new TimelineQuery(store.Store).Build(topic: "ceasefire", fromYear: 2020, toYear: 2020);
        var chart = TimelineChart.Build(entries, "Timeline: ceasefire, 2020", s => s);

        var plot = TimelineChart.CreatePlot(chart);

        var labels = plot.GetPlottables<ScottPlot.Plottables.Text>().Select(t => t.LabelText).ToList();
        Assert.Equal(chart.Marks.Select(m => m.Label), labels);
        Assert.Contains(labels, l => l.StartsWith("2020-09-27 to 2020-11-10: The 2020 war lasted 44 days", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.StartsWith("2020-10-10: After ten hours of talks in Moscow", StringComparison.Ordinal));

        var events = chart.Marks.Where(m => !m.IsPeriod).ToList();
        var points = plot.GetPlottables<Scatter>().Single().Data.GetScatterPoints();
        Assert.Equal(events.Count, points.Count);
        var moscow = events.Single(m => m.Label.StartsWith("2020-10-10", StringComparison.Ordinal));
        Assert.Contains(points, p => Math.Abs(p.X - (2020 + (283 / 366.0))) < 1e-9 && p.Y == -moscow.Row);

        var war = chart.Marks.Single(m => m.Label.StartsWith("2020-09-27 to 2020-11-10", StringComparison.Ordinal));
        var bar = Assert.Single(plot.GetPlottables<Rectangle>());
        Assert.Equal(TimelineChart.YearOf("2020-09-27", end: false), bar.X1, 9);
        Assert.Equal(TimelineChart.YearOf("2020-11-10", end: true), bar.X2, 9);
        Assert.InRange(-war.Row, bar.Y1, bar.Y2);
    }

    [Fact]
    public void Labels_give_both_names_of_a_place()
    {
        using var store = new TestStore(pack: true);
        var names = store.Services.GetRequiredService<PlaceNames>();
        var entries = new TimelineQuery(store.Store).Build(place: "Khankendi");

        var chart = TimelineChart.Build(entries, "Timeline: Khankendi", names.AddAlternativeNames);

        Assert.NotEmpty(chart.Marks);
        Assert.Contains(chart.Marks, m => m.Label.Contains("Stepanakert (Khankendi)", StringComparison.Ordinal) || m.Label.Contains("Khankendi (Stepanakert)", StringComparison.Ordinal));
        Assert.DoesNotContain(chart.Marks, m => m.Label.Contains("Stepanakert", StringComparison.Ordinal) != m.Label.Contains("Khankendi", StringComparison.Ordinal)
            && !m.Label.EndsWith('…'));
    }

    [Fact]
    public void A_long_timeline_is_cut_to_what_a_phone_shows_and_says_so()
    {
        using var store = new TestStore(pack: true);
        var entries = new TimelineQuery(store.Store).Build();

        var chart = TimelineChart.Build(entries, "Timeline", s => s);

        Assert.Equal(TimelineChart.MaxMarks, chart.Marks.Count);
        Assert.True(chart.Cut);
        Assert.Contains($"first {TimelineChart.MaxMarks} of {entries.Count}", TimelineChart.CreatePlot(chart).Axes.Title.Label.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_font_is_named_with_the_package_that_brings_it_and_the_charts_own_is_found_here()
    {
        // The picture tests above read text off the chart, so its face must be installed where they run.
        Assert.Null(TimelineChart.MissingFont());

        var problem = TimelineChart.MissingFont("No Such Face Sans");

        Assert.Contains("'No Such Face Sans' is not installed, so the timeline picture would have no text", problem, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-dejavu-core", problem, StringComparison.Ordinal);
    }
}
