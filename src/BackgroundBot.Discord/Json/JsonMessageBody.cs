namespace BackgroundBot.Discord.Json;

/// <summary>A message body for create message, interaction responses, follow-ups and edits.</summary>
internal sealed record JsonMessageBody
{
    public string? Content { get; init; }
    public IReadOnlyList<JsonEmbed>? Embeds { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public JsonAllowedMentions? AllowedMentions { get; init; }
    public int? Flags { get; init; }
}
