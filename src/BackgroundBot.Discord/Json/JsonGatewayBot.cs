namespace BackgroundBot.Discord.Json;

/// <summary><see href="https://discord.com/developers/docs/events/gateway#get-gateway-bot"/></summary>
internal sealed record JsonGatewayBot(string Url, int Shards, JsonSessionStartLimit SessionStartLimit);
