using BackgroundBot.Discord.Gateway;

namespace BackgroundBot.Discord.Tests.Support;

/// <summary>Jitter fixed at the middle, so every wait the gateway makes is exact and a test can advance time to it.</summary>
internal sealed class FixedJitter : GatewayJitter
{
    public override double Next() => 0.5;
}
