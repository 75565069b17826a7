namespace BackgroundBot.Discord.Json;

internal sealed record JsonEmbed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }
    public IReadOnlyList<JsonEmbedField>? Fields { get; init; }
    public JsonEmbedFooter? Footer { get; init; }
}
