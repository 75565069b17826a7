using System.Text.Json;
using System.Text.Json.Serialization;

namespace BackgroundBot.Discord.Json;

/// <summary>Source-generated serialization for every wire model: snake_case names, nulls omitted.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonInteraction))]
[JsonSerializable(typeof(JsonInteractionResponse))]
[JsonSerializable(typeof(JsonMessageBody))]
[JsonSerializable(typeof(JsonCreatedMessage))]
[JsonSerializable(typeof(JsonStartThread))]
[JsonSerializable(typeof(JsonCreateDm))]
[JsonSerializable(typeof(List<JsonApplicationCommand>))]
[JsonSerializable(typeof(JsonGatewayBot))]
[JsonSerializable(typeof(JsonRateLimitBody))]
[JsonSerializable(typeof(JsonErrorBody))]
[JsonSerializable(typeof(JsonGatewayPayload))]
[JsonSerializable(typeof(JsonGatewayCommand))]
[JsonSerializable(typeof(JsonHello))]
[JsonSerializable(typeof(JsonReady))]
[JsonSerializable(typeof(JsonIdentify))]
[JsonSerializable(typeof(JsonResume))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
