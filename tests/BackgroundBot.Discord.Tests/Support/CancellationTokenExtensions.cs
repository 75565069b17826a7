using BackgroundBot.Testing;
namespace BackgroundBot.Discord.Tests.Support;

public static class CancellationTokenExtensions
{
    /// <summary>Completes when the token is cancelled (a signal, not a sleep).</summary>
    public static Task WhenCancelledAsync(this CancellationToken token)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => tcs.TrySetResult());
        return tcs.Task.WaitAsync(TestTimeouts.Signal);
    }
}
