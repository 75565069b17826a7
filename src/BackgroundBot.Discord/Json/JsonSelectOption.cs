namespace BackgroundBot.Discord.Json;

internal sealed record JsonSelectOption(string Label, string Value, string? Description, bool? Default);
