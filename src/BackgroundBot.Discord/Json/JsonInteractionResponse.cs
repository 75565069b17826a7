namespace BackgroundBot.Discord.Json;

internal sealed record JsonInteractionResponse(int Type, JsonInteractionCallbackData? Data);
