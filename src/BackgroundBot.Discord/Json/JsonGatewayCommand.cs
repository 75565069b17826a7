using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackgroundBot.Discord.Json;

/// <summary>A payload the client sends; <c>d</c> is always written, even when null (a first heartbeat has <c>d: null</c>).</summary>
internal sealed record JsonGatewayCommand(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement D);
