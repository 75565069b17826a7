using BackgroundBot.Bot;
using BackgroundBot.Community;
using Microsoft.Extensions.Time.Testing;

namespace BackgroundBot.Tests.Community;

/// <summary>The per-member and per-channel windows: limits hold, and members who stopped asking are forgotten.</summary>
public sealed class RequestLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Members_who_stopped_asking_are_forgotten_once_their_window_has_passed()
    {
        var limiter = new RequestLimiter(_time);
        for (var member = 0; member < 10_000; member++)
        {
            Assert.Null(limiter.TryAcquire(($"user:{member}", 5)));
        }

        Assert.Equal(10_000, limiter.Count);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(limiter.TryAcquire(("user:latest", 5)));

        Assert.Equal(1, limiter.Count);
    }

    [Fact]
    public void A_member_over_the_limit_is_told_how_long_to_wait_and_the_window_slides()
    {
        var limiter = new RequestLimiter(_time);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(limiter.TryAcquire(TimeSpan.FromMinutes(10), ("review:7", 3)));
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(TimeSpan.FromMinutes(7), limiter.TryAcquire(TimeSpan.FromMinutes(10), ("review:7", 3)));
        _time.Advance(TimeSpan.FromMinutes(7));
        Assert.Null(limiter.TryAcquire(TimeSpan.FromMinutes(10), ("review:7", 3)));
        // Windows of other lengths are kept by their own length: a 10-minute window is not swept after one minute.
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(limiter.TryAcquire(("user:1", 5)));
        Assert.Equal(2, limiter.Count);
    }
}
