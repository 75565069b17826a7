namespace BackgroundBot.Discord.Json;

internal sealed record JsonEmbedFooter(string Text);
