namespace BackgroundBot.Discord.Json;

/// <summary>A message body for create message, interaction responses, follow-ups and edits.</summary>
internal sealed record JsonMessageBody
{
    public string? Content { get; init; }
    public IReadOnlyList<JsonEmbed>? Embeds { get; init; }
    public IReadOnlyList<JsonComponent>? Components { get; init; }
    public JsonAllowedMentions? AllowedMentions { get; init; }
    public int? Flags { get; init; }

    /// <summary>The uploaded files' ids (their part index), names and alt text; null when the message uploads none.</summary>
    public IReadOnlyList<JsonAttachmentRef>? Attachments { get; init; }

    /// <summary>Channel messages only: with <see cref="EnforceNonce"/>, a second message with this nonce returns the first instead.</summary>
    public string? Nonce { get; init; }

    /// <summary>Channel messages only (<see href="https://discord.com/developers/docs/resources/message#create-message-jsonform-params"/>).</summary>
    public bool? EnforceNonce { get; init; }
}
