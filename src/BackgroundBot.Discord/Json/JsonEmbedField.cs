namespace BackgroundBot.Discord.Json;

internal sealed record JsonEmbedField(string Name, string Value, bool? Inline);
