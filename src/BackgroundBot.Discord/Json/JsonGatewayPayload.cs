using System.Text.Json;

namespace BackgroundBot.Discord.Json;

/// <summary>A gateway event (<see href="https://discord.com/developers/docs/events/gateway-events#payload-structure"/>).</summary>
internal sealed record JsonGatewayPayload(int Op, JsonElement D, int? S, string? T);
