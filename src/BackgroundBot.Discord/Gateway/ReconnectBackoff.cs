namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// Reconnect delays: the first reconnect after a healthy session is immediate (a resume should be fast), then each further failure
/// doubles from 1 second up to 60 seconds, with jitter so many bots do not reconnect in lockstep (as Discord.Net's ConnectionManager).
/// </summary>
internal static class ReconnectBackoff
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    public static TimeSpan Delay(int consecutiveFailures, GatewayJitter jitter)
    {
        if (consecutiveFailures <= 0)
        {
            return TimeSpan.Zero;
        }

        var baseDelay = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(consecutiveFailures - 1, 6)));
        var delay = baseDelay * (0.75 + (0.5 * jitter.Next()));
        return delay > Cap ? Cap : delay;
    }

    /// <summary>The 1 to 5 second wait Discord asks for before re-identifying after INVALID SESSION.</summary>
    public static TimeSpan InvalidSession(GatewayJitter jitter) => TimeSpan.FromSeconds(1 + (4 * jitter.Next()));
}
