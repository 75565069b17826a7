namespace BackgroundBot.Discord.Json;

internal sealed record JsonHello(int HeartbeatInterval);
