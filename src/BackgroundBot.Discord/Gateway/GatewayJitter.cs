namespace BackgroundBot.Discord.Gateway;

/// <summary>The source of randomness for the first heartbeat and reconnect backoff; replaced in tests to make waits exact.</summary>
internal class GatewayJitter
{
    /// <summary>A number in [0, 1).</summary>
    public virtual double Next() => Random.Shared.NextDouble();
}
