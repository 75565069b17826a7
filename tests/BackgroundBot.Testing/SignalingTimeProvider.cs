using Microsoft.Extensions.Time.Testing;

namespace BackgroundBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when code starts waiting, so a test advances time exactly when the
/// code under test is waiting, and never sleeps.
/// </summary>
public sealed class SignalingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> _created = [];

    public SignalingTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource<TimeSpan> Signal)> _waiters = [];

    /// <summary>Every due time of a timer created so far.</summary>
    public IReadOnlyList<TimeSpan> Created
    {
        get
        {
            lock (_created)
            {
                return [.. _created];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource<TimeSpan>> fire = [];
        lock (_created)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                var matched = _waiters.FirstOrDefault(w => w.Match(dueTime));
                if (matched.Signal is not null)
                {
                    _waiters.Remove(matched);
                    fire.Add(matched.Signal);
                }
                else
                {
                    _created.Add(dueTime);
                }
            }
        }

        foreach (var f in fire)
        {
            f.TrySetResult(dueTime);
        }

        return timer;
    }

    /// <summary>
    /// Completes when a timer whose due time matches is (or was, and not yet waited for) created. Cancelling gives back a signal
    /// that arrived meanwhile, so no timer is ever lost to an abandoned wait.
    /// </summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<TimeSpan> tcs;
        (Func<TimeSpan, bool>, TaskCompletionSource<TimeSpan>) waiter;
        lock (_created)
        {
            var index = _created.FindIndex(d => match(d));
            if (index >= 0)
            {
                var d = _created[index];
                _created.RemoveAt(index);
                return Task.FromResult(d);
            }

            tcs = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiter = (match, tcs);
            _waiters.Add(waiter);
        }

        cancellationToken.Register(() =>
        {
            lock (_created)
            {
                if (_waiters.Remove(waiter))
                {
                    tcs.TrySetCanceled();
                }
                else if (tcs.Task.IsCompletedSuccessfully)
                {
                    _created.Add(tcs.Task.Result);
                }
            }
        });
        return tcs.Task.WaitAsync(TestTimeouts.Signal);
    }

    /// <summary>Waits for a matching timer, then moves time past it.</summary>
    public async Task<TimeSpan> AdvanceWhenWaitingAsync(Func<TimeSpan, bool> match)
    {
        var due = await WaitForTimerAsync(match);
        Advance(due);
        return due;
    }
}
