using BackgroundBot.Discord.Models;
using BackgroundBot.Moderation;

namespace BackgroundBot.Sessions;

/// <summary>
/// Who may start a session: members holding one of the server's educator roles (set with <c>/settings</c>, else
/// configured), or, where the server has none, members with Manage Channels (or Administrator). Checked on the server for
/// every interaction; Discord's command permissions only hide commands.
/// </summary>
public sealed class EducatorPolicy(ServerSettings servers)
{
    public const string NotAnEducator =
        "Only educators can start a session here: members with one of the server's educator roles (see /settings), or with Manage Channels where none is set.";

    public bool IsEducator(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.GuildId is not { } guild)
        {
            return false;
        }

        var roles = servers.For(guild).EducatorRoleIds;
        return roles.Count > 0
            ? interaction.MemberRoles.Any(roles.Contains)
            : (interaction.MemberPermissions & (DiscordPermissions.ManageChannels | DiscordPermissions.Administrator)) != 0;
    }
}
