namespace BackgroundBot.Sessions;

/// <summary>
/// An educator's live Q&amp;A session in one channel. Everything about it is in the store, so it survives a restart and
/// any instance of the bot can steer it; it ends at <see cref="EndsAt"/> even if no instance was running then.
/// </summary>
public sealed record Session
{
    public int Id { get; init; }

    public required string GuildId { get; init; }

    /// <summary>The text channel or thread the session runs in; at most one active session per channel.</summary>
    public required string ChannelId { get; init; }

    public required string Topic { get; init; }

    public required string EducatorId { get; init; }

    /// <summary>The educator's display name when the session started (for the header and the transcript).</summary>
    public string EducatorName { get; init; } = "";

    /// <summary>Members the educator gave the panel with <c>/session cohost</c>.</summary>
    public IReadOnlyList<string> CohostIds { get; init; } = [];

    /// <summary>Askers' names are hidden from everyone in Discord (the store keeps them for abuse handling).</summary>
    public bool Anonymous { get; init; }

    /// <summary>Questions wait for the educator's approval and are not shown before.</summary>
    public bool Approval { get; init; }

    public SessionStatus Status { get; init; } = SessionStatus.Active;

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the session's duration runs out.</summary>
    public DateTimeOffset EndsAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Who ended it (a member id), or null when its duration ran out.</summary>
    public string? EndedBy { get; init; }

    /// <summary>The header message posted in the channel at the start.</summary>
    public string? HeaderMessageId { get; init; }

    /// <summary>The message carrying the transcript, once posted; an ended session without one is posted again.</summary>
    public string? TranscriptMessageId { get; init; }

    /// <summary>The Markdown transcript, stored when the session ends.</summary>
    public string? Transcript { get; init; }

    /// <summary>True when <paramref name="memberId"/> may steer the session: its educator or a co-host.</summary>
    public bool IsHost(string memberId) => memberId == EducatorId || CohostIds.Contains(memberId);
}
