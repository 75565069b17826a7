namespace BackgroundBot.Discord.Json;

internal sealed record JsonReady(string SessionId, string ResumeGatewayUrl, JsonUser? User);
