using System.Text.Json.Nodes;

namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>
/// A message as Discord holds it, after every create and edit the bot sent: what a member sees. Interaction responses and
/// follow-ups carry the interaction's token; channel messages (and DMs) their channel.
/// </summary>
public sealed record FakeMessage
{
    public required string Id { get; init; }
    public string? ChannelId { get; init; }
    public string? InteractionToken { get; init; }
    public string Content { get; init; } = "";
    public JsonArray Embeds { get; init; } = [];
    public JsonArray Components { get; init; } = [];
    public int Flags { get; init; }
    public string? Nonce { get; init; }

    /// <summary>The message this one replies to (its <c>message_reference</c>), for channel messages.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The <c>allowed_mentions</c> it was created with, as sent.</summary>
    public JsonNode? AllowedMentions { get; init; }
    public IReadOnlyList<FakeAttachment> Attachments { get; init; } = [];

    /// <summary>How many edits changed it since it was created.</summary>
    public int Edits { get; init; }

    /// <summary>Only the member who used the interaction sees it.</summary>
    public bool Ephemeral => (Flags & 64) != 0;

    /// <summary>A deferred response still showing "thinking…" (flag 128), until the first edit.</summary>
    public bool Loading => (Flags & 128) != 0;

    /// <summary>The first embed's description, or null.</summary>
    public string? EmbedDescription => Embeds.Count > 0 ? (string?)Embeds[0]?["description"] : null;

    /// <summary>The labels of every button on it, row by row.</summary>
    public IReadOnlyList<string> ButtonLabels =>
        Components.SelectMany(row => row?["components"]?.AsArray() ?? []).Select(c => (string?)c?["label"] ?? "").ToList();
}
