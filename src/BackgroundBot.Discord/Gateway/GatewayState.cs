namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// What the host needs to know after the gateway ends: whether it stopped for a reason only a configuration change can
/// fix (a bad token, bad shards or intents, a spent IDENTIFY budget), so the process can exit with an error.
/// </summary>
public sealed class GatewayState
{
    private string? _fatalReason;

    /// <summary>The message saying what to fix, when the gateway stopped the application; null otherwise.</summary>
    public string? FatalReason => Volatile.Read(ref _fatalReason);

    internal void SetFatal(string reason) => Interlocked.CompareExchange(ref _fatalReason, reason, null);
}
