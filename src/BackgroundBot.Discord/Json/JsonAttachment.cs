namespace BackgroundBot.Discord.Json;

internal sealed record JsonAttachment(string Id, string Filename, long Size, string Url, string? ContentType);
