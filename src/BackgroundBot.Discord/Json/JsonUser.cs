namespace BackgroundBot.Discord.Json;

internal sealed record JsonUser(string Id, string Username, string? GlobalName);
