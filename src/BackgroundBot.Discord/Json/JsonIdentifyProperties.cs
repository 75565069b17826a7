namespace BackgroundBot.Discord.Json;

internal sealed record JsonIdentifyProperties(string Os, string Browser, string Device);
