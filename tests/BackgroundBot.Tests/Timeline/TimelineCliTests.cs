using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;
using SkiaSharp;

namespace BackgroundBot.Tests.Timeline;

public sealed class TimelineCliTests
{
    [Fact]
    public async Task Timeline_png_writes_the_chart_from_the_real_executable_and_still_prints_the_list()
    {
        using var folder = TempFolder.Create();
        var png = Path.Combine(folder.Path, "ceasefires.png");

        var run = await BotProcess.RunAsync(folder.Path, new Dictionary<string, string>(), "timeline", "--topic", "ceasefire", "--from", "1994", "--to", "1994", "--png", png, "--db", Path.Combine(folder.Path, "cli.db"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1994-05-05  [ceasefire] The Bishkek Protocol", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Wrote {png}: ", run.Stderr, StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1000, bitmap.Width);
        Assert.True(bitmap.Pixels.Count(p => p.Red < 128 && p.Green < 128 && p.Blue < 128) > 1000);
    }
}
