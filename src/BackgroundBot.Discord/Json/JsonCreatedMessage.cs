namespace BackgroundBot.Discord.Json;

internal sealed record JsonCreatedMessage(string Id);
