using System.Text.Json;

namespace BackgroundBot.Discord.Json;

internal sealed record JsonChoice(string Name, JsonElement Value);
