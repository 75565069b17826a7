using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Moderation;

/// <summary>Who curates, and where the review queue is posted; bound from the <c>Moderation</c> section.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>
    /// The servers whose moderators curate the shared store. The bot may be invited anywhere, and commands are global,
    /// so an admin of any other server would otherwise be a curator. Defaults to <c>Discord:GuildId</c> when that is
    /// set; with neither, curation from Discord is refused.
    /// </summary>
    public IReadOnlyList<ulong> HomeGuildIds { get; set; } = [];

    /// <summary>
    /// Role ids whose holders are moderators. Empty means: members with Manage Server permission. The default for a
    /// server that has not set its own with <c>/settings moderator-roles</c>.
    /// </summary>
    public IReadOnlyList<ulong> ModeratorRoleIds { get; set; } = [];

    /// <summary>
    /// The channel where suggestions and reports are posted with Approve and Reject buttons; none posts nowhere. The
    /// default for a home server that has not set its own with <c>/settings review-channel</c>.
    /// </summary>
    public ulong? ReviewChannelId { get; set; }

    /// <summary>Role ids whose holders are educators (kept for the educators' sessions); the default for servers that set none.</summary>
    public IReadOnlyList<ulong> EducatorRoleIds { get; set; } = [];

    /// <summary>
    /// Channels where <c>/ask</c> is answered (and the bot's follow-up threads on its answers). Empty means every
    /// channel. The default for servers that set none with <c>/settings allowed-channels</c>.
    /// </summary>
    public IReadOnlyList<ulong> AllowedChannelIds { get; set; } = [];

    /// <summary>
    /// How long an uploaded article's preview waits for Confirm; then it is discarded (uploads are up to 1 MiB each, kept in
    /// the store meanwhile). Defaults to 15 minutes, the life of the interaction that showed it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Moderation:PendingImportLifetime must be between 1 minute and 1 day.")]
    public TimeSpan PendingImportLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
