using BackgroundBot.Discord.Models;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Moderation;

/// <summary>
/// Decides on the server, for every curation action, whether the member may curate: the interaction must come from
/// one of the home servers (<see cref="ModerationOptions.HomeGuildIds"/>), and the member must hold one of that
/// server's moderator roles (set with <c>/settings</c>, else configured), or, when none are configured, Manage Server (or Administrator). Discord's command
/// permissions only hide commands, and only within the server that sent the interaction; they are never trusted.
/// </summary>
public sealed class ModeratorPolicy(IOptions<ModerationOptions> options, ServerSettings servers)
{
    public const string NoHomeServer =
        "Curation from Discord is switched off: no home server is set. The operator sets Moderation:HomeGuildIds "
        + "(or Discord:GuildId) to the id of the server whose moderators curate the fact store.";

    public const string NotAHomeServer =
        "Only moderators of the bot's home server can curate the fact store. If something is wrong or missing, /suggest it and a moderator will review it.";

    public const string NotAModerator =
        "Only moderators can curate the fact store. If something is wrong or missing, /suggest it and a moderator will review it.";

    /// <summary>Why the member may not curate, in words for them; null when they may.</summary>
    public string? RefusalFor(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var settings = options.Value;
        if (settings.HomeGuildIds.Count == 0)
        {
            return NoHomeServer;
        }

        // A direct message has no server, and a member's permissions mean something only in the server they came from.
        if (interaction.GuildId is not { } guild || !settings.HomeGuildIds.Contains(guild))
        {
            return NotAHomeServer;
        }

        var roles = servers.For(guild).ModeratorRoleIds;
        var isModerator = roles.Count > 0
            ? interaction.MemberRoles.Any(roles.Contains)
            : (interaction.MemberPermissions & (DiscordPermissions.ManageGuild | DiscordPermissions.Administrator)) != 0;
        return isModerator ? null : NotAModerator;
    }
}
