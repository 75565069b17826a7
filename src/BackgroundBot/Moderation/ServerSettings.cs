using System.Globalization;
using BackgroundBot.Knowledge;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Moderation;

/// <summary>
/// Each server's review channel, moderator and educator roles and allowed channels: what its admins stored with
/// <c>/settings</c>, else the configured default. Every change is audited (who, when, before and after).
/// </summary>
public sealed class ServerSettings(IModerationStore store, IOptions<ModerationOptions> options, TimeProvider time)
{
    public EffectiveGuildSettings For(ulong? guildId)
    {
        var defaults = options.Value;
        var stored = guildId is { } id ? store.FindGuildSettings(Key(id)) : null;
        return new EffectiveGuildSettings(
            stored?.ReviewChannelId ?? defaults.ReviewChannelId,
            stored?.ModeratorRoleIds ?? defaults.ModeratorRoleIds,
            stored?.EducatorRoleIds ?? defaults.EducatorRoleIds,
            stored?.AllowedChannelIds ?? defaults.AllowedChannelIds,
            stored);
    }

    /// <summary>
    /// Where a suggestion or report from <paramref name="originGuildId"/> is posted: only home servers' moderators can
    /// decide it, so one from a home server goes to that server's review channel, and one from anywhere else (or a
    /// direct message) to the first home server's. With no home server, the configured channel.
    /// </summary>
    public ulong? ReviewChannelFor(ulong? originGuildId)
    {
        var homes = options.Value.HomeGuildIds;
        if (homes.Count == 0)
        {
            return options.Value.ReviewChannelId;
        }

        var home = originGuildId is { } origin && homes.Contains(origin) ? origin : homes[0];
        return For(home).ReviewChannelId;
    }

    public bool IsHome(ulong guildId) => options.Value.HomeGuildIds.Contains(guildId);

    /// <summary>Applies <paramref name="change"/> to the server's stored settings in one audited transaction.</summary>
    public EffectiveGuildSettings Change(ulong guildId, string actor, string action, Func<GuildSettings, GuildSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = Key(guildId);
        store.Write(write =>
        {
            var before = store.FindGuildSettings(key);
            var after = change(before ?? new GuildSettings { Id = key });
            write.PutGuildSettings(after);
            write.Knowledge().Audit(time.GetUtcNow(), actor, action, $"guild/{key}", before, after.IsEmpty() ? null : after);
            return after;
        });
        return For(guildId);
    }

    private static string Key(ulong guildId) => guildId.ToString(CultureInfo.InvariantCulture);
}
