namespace BackgroundBot.Moderation;

/// <summary>One server's settings as the bot applies them: what the server set, else the configured default.</summary>
/// <param name="Stored">What the server set itself, or null when it set nothing.</param>
public sealed record EffectiveGuildSettings(
    ulong? ReviewChannelId,
    IReadOnlyList<ulong> ModeratorRoleIds,
    IReadOnlyList<ulong> EducatorRoleIds,
    IReadOnlyList<ulong> AllowedChannelIds,
    GuildSettings? Stored);
