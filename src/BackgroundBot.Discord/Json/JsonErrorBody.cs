namespace BackgroundBot.Discord.Json;

internal sealed record JsonErrorBody(int? Code, string? Message);
