namespace BackgroundBot.Discord.Json;

/// <summary><see href="https://discord.com/developers/docs/events/gateway-events#resume"/></summary>
internal sealed record JsonResume(string Token, string SessionId, int Seq)
{
    public override string ToString() => $"Resume(session={SessionId}, seq={Seq})";
}
