namespace BackgroundBot.Discord.Gateway;

/// <summary>What to do after a connection ended: resume the session, start a new one, or stop with <see cref="FatalMessage"/>.</summary>
internal sealed record GatewayCloseAction(bool CanResume, string? FatalMessage)
{
    public static readonly GatewayCloseAction Resume = new(true, null);
    public static readonly GatewayCloseAction Identify = new(false, null);

    public static GatewayCloseAction Fatal(string message) => new(false, message);
}
