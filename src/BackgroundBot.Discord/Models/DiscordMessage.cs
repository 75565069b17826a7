namespace BackgroundBot.Discord.Models;

/// <summary>
/// A message the bot sends: as an interaction response, a follow-up, an edit, or into a channel.
/// <see cref="AllowedMentions"/> defaults to nobody, so bot messages never ping. An edit sends only what the message holds, and
/// Discord keeps every field an edit leaves out: null content and empty embed or component lists leave those as they were.
/// </summary>
public sealed record DiscordMessage
{
    /// <summary>
    /// Text (up to 2000 characters). On an edit, null leaves the text as it was (Discord keeps every field an edit omits);
    /// an empty string removes it.
    /// </summary>
    public string? Content { get; init; }

    /// <summary>Embeds (up to 10).</summary>
    public IReadOnlyList<Embed> Embeds { get; init; } = [];

    /// <summary>Action rows (up to 5).</summary>
    public IReadOnlyList<ActionRow> Components { get; init; } = [];

    /// <summary>
    /// Files uploaded with it (up to 10), sent as multipart. Channel messages, follow-ups and edits carry them; an interaction's
    /// first answer with files is given as a deferral followed by an edit. An edit without files keeps the message's files.
    /// </summary>
    public IReadOnlyList<MessageFile> Files { get; init; } = [];

    /// <summary>Only the invoking user sees it (interaction responses and follow-ups only).</summary>
    public bool Ephemeral { get; init; }

    /// <summary>Which mentions may ping. Defaults to <see cref="AllowedMentions.None"/>.</summary>
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;


    /// <summary>
    /// Channel messages only: the message this one replies to. The reply never pings its author
    /// (<see cref="AllowedMentions.RepliedUser"/> stays false unless a caller opts in).
    /// </summary>
    public ulong? ReplyTo { get; init; }

    /// <summary>A plain text message.</summary>
    public static DiscordMessage Text(string content, bool ephemeral = false) => new() { Content = content, Ephemeral = ephemeral };
}
