using System.Text.Json.Serialization;

namespace BackgroundBot.Discord.Json;

/// <summary><see href="https://discord.com/developers/docs/events/gateway-events#identify"/></summary>
internal sealed record JsonIdentify(string Token, int Intents, JsonIdentifyProperties Properties, IReadOnlyList<int> Shard)
{
    // The token must never reach a log line through a record's generated ToString.
    public override string ToString() => $"Identify(intents={Intents}, shard=[{string.Join(',', Shard)}])";

    [JsonIgnore]
    public int ShardId => Shard[0];
}
