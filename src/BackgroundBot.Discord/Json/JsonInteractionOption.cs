using System.Text.Json;

namespace BackgroundBot.Discord.Json;

internal sealed record JsonInteractionOption(string Name, int Type, JsonElement? Value, IReadOnlyList<JsonInteractionOption>? Options, bool? Focused);
