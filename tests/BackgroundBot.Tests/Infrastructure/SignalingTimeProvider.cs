using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer the code under test creates, so a test can wait until
/// a retry delay or timeout is actually scheduled, check its length, and then advance past it: no races, no sleeps.
/// </summary>
public sealed class SignalingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next timer created (in creation order).</summary>
    public ValueTask<TimeSpan> NextTimerAsync(CancellationToken cancellationToken = default) => _timers.Reader.ReadAsync(cancellationToken);
}
