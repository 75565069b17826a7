namespace BackgroundBot.Discord.Json;

internal sealed record JsonMessageRef(string Id);
