namespace BackgroundBot.Discord.Json;

/// <summary>
/// The <c>data</c> of an interaction response: a message, a modal, or autocomplete choices
/// (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-data-structure"/>).
/// </summary>
internal sealed record JsonInteractionCallbackData
{
    public string? Content { get; init; }
    public IReadOnlyList<JsonEmbed>? Embeds { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public JsonAllowedMentions? AllowedMentions { get; init; }
    public int? Flags { get; init; }
    public string? CustomId { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<JsonChoice>? Choices { get; init; }
}
