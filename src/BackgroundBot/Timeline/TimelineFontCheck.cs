using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Timeline;

/// <summary>Warns at start when the timeline picture's font is missing: the picture would be sent without a word on it.</summary>
internal sealed class TimelineFontCheck(ILogger<TimelineFontCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (TimelineChart.MissingFont() is { } problem)
        {
            Log.FontMissing(logger, problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
