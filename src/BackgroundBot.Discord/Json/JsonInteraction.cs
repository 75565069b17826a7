namespace BackgroundBot.Discord.Json;

/// <summary>The interaction object as Discord sends it (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object"/>).</summary>
internal sealed record JsonInteraction
{
    public required string Id { get; init; }
    public required string ApplicationId { get; init; }
    public required int Type { get; init; }
    public required string Token { get; init; }
    public JsonInteractionData? Data { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }
    public JsonMember? Member { get; init; }
    public JsonUser? User { get; init; }
    public string? AppPermissions { get; init; }
    public string? Locale { get; init; }
    public string? GuildLocale { get; init; }
    public JsonMessageRef? Message { get; init; }
}
