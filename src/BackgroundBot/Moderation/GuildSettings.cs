namespace BackgroundBot.Moderation;

/// <summary>
/// What one server's admins have set with <c>/settings</c>. A value left null falls back to the configured default
/// (<see cref="ModerationOptions"/>), so an operator's defaults still apply to every server that set nothing.
/// </summary>
public sealed record GuildSettings
{
    /// <summary>The server's id, as text (the store's key).</summary>
    public required string Id { get; init; }

    public ulong? ReviewChannelId { get; init; }

    public IReadOnlyList<ulong>? ModeratorRoleIds { get; init; }

    public IReadOnlyList<ulong>? EducatorRoleIds { get; init; }

    public IReadOnlyList<ulong>? AllowedChannelIds { get; init; }

    /// <summary>True when nothing is set, so the record can be removed and the defaults apply again.</summary>
    public bool IsEmpty() => ReviewChannelId is null && ModeratorRoleIds is null && EducatorRoleIds is null && AllowedChannelIds is null;
}
