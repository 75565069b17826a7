using BackgroundBot.Discord.Models;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Moderation;

/// <summary>
/// Decides on the server, for every curation action, whether the member may curate: holders of the configured
/// roles, or, when none are configured, members with Manage Server (or Administrator). Discord's command
/// permissions only hide commands; they are never trusted.
/// </summary>
public sealed class ModeratorPolicy(IOptions<ModerationOptions> options)
{
    public bool IsModerator(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is null)
        {
            return false;
        }

        var roles = options.Value.ModeratorRoleIds;
        return roles.Count > 0
            ? interaction.MemberRoles.Any(roles.Contains)
            : (interaction.MemberPermissions & (DiscordPermissions.ManageGuild | DiscordPermissions.Administrator)) != 0;
    }
}
