using System.Globalization;
using System.Text;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Moderation;

/// <summary>
/// <c>/settings</c> for a server's admins. The server changed is always the one the interaction came from, and the
/// sender must hold Manage Server (or Administrator) there: Discord's command permissions only hide the command, so a
/// forged or stale interaction is refused here.
/// </summary>
public sealed class SettingsInteractionHandler(ServerSettings servers) : IInteractionModule
{
    public const string NotInAServer = "Settings belong to a server: use /settings in the server you want to change.";

    public const string NotAnAdmin = "Only members with Manage Server can see or change this server's settings.";

    public const string ReviewChannelOfHome =
        "Suggestions and reports from this server go to the home server's review channel, where its moderators decide them; this server has no review channel of its own. Nothing was changed.";

    public IReadOnlyList<ApplicationCommandDefinition> Commands => SettingsCommands.All;

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.CommandName == SettingsCommands.Settings;
    }

    public Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        var text = Answer(interaction);
        return responder.RespondAsync(DiscordMessage.Text(text, ephemeral: true), cancellationToken);
    }

    private string Answer(Interaction interaction)
    {
        if (interaction.Type != InteractionType.ApplicationCommand)
        {
            return "I don't know that settings action.";
        }

        if (interaction.GuildId is not { } guild)
        {
            return NotInAServer;
        }

        if ((interaction.MemberPermissions & (DiscordPermissions.ManageGuild | DiscordPermissions.Administrator)) == 0)
        {
            return NotAnAdmin;
        }

        var actor = string.Create(CultureInfo.InvariantCulture, $"discord:{interaction.User.Id}");
        var current = servers.For(guild);
        switch (interaction.SubcommandGroup, interaction.Subcommand)
        {
            case (null, SettingsCommands.Show):
                return Describe(guild, current);

            case (null, SettingsCommands.ReviewChannel):
                if (!servers.IsHome(guild))
                {
                    return ReviewChannelOfHome;
                }

                var channel = interaction.GetOption("channel")?.AsSnowflake();
                return Changed(guild, servers.Change(guild, actor, "settings.review-channel", s => s with { ReviewChannelId = channel }));

            case ({ } group, { } step) when Lists.TryGetValue(group, out var list):
                var item = interaction.GetOption(list.Option)?.AsSnowflake();
                if (step is "add" or "remove" && item is null)
                {
                    return "Name the " + list.Option + " to " + step + ".";
                }

                IReadOnlyList<ulong>? next = step switch
                {
                    "add" => [.. list.Read(current).Where(x => x != item).Append(item!.Value)],
                    "remove" => [.. list.Read(current).Where(x => x != item)],
                    _ => null,
                };
                if (step is not ("add" or "remove" or "reset"))
                {
                    return "I don't know that settings command.";
                }

                return Changed(guild, servers.Change(guild, actor, $"settings.{group}.{step}", s => list.Write(s, next)));

            default:
                return "I don't know that settings command.";
        }
    }

    private sealed record SettingList(string Option, Func<EffectiveGuildSettings, IReadOnlyList<ulong>> Read, Func<GuildSettings, IReadOnlyList<ulong>?, GuildSettings> Write);

    private static readonly Dictionary<string, SettingList> Lists = new(StringComparer.Ordinal)
    {
        [SettingsCommands.ModeratorRoles] = new("role", e => e.ModeratorRoleIds, (s, v) => s with { ModeratorRoleIds = v }),
        [SettingsCommands.EducatorRoles] = new("role", e => e.EducatorRoleIds, (s, v) => s with { EducatorRoleIds = v }),
        [SettingsCommands.AllowedChannels] = new("channel", e => e.AllowedChannelIds, (s, v) => s with { AllowedChannelIds = v }),
    };

    private string Changed(ulong guild, EffectiveGuildSettings settings) => "Saved (the change is in the audit log).\n" + Describe(guild, settings);

    private string Describe(ulong guild, EffectiveGuildSettings settings)
    {
        var stored = settings.Stored;
        var text = new StringBuilder("**Settings for this server** (set here, else the bot's default)\n");
        if (servers.IsHome(guild))
        {
            text.Append("Review channel: ").Append(settings.ReviewChannelId is { } c ? Channel(c) : "none (suggestions wait in the queue)")
                .Append(Origin(stored?.ReviewChannelId is not null)).Append('\n');
            text.Append("Curation: this is a home server; its moderators curate the shared fact store.\n");
        }
        else
        {
            text.Append("Review channel: the home server's (suggestions and reports from here go there)\n");
            text.Append("Curation: only moderators of the bot's home server curate the shared fact store; moderator roles here do not grant it.\n");
        }

        text.Append("Moderator roles: ").Append(settings.ModeratorRoleIds.Count == 0 ? "none (members with Manage Server)" : Roles(settings.ModeratorRoleIds))
            .Append(Origin(stored?.ModeratorRoleIds is not null)).Append('\n');
        text.Append("Educator roles: ").Append(settings.EducatorRoleIds.Count == 0 ? "none" : Roles(settings.EducatorRoleIds))
            .Append(Origin(stored?.EducatorRoleIds is not null)).Append('\n');
        text.Append("Allowed channels for /ask: ").Append(settings.AllowedChannelIds.Count == 0 ? "every channel" : string.Join(", ", settings.AllowedChannelIds.Select(Channel)))
            .Append(Origin(stored?.AllowedChannelIds is not null));
        return text.ToString();
    }

    private static string Origin(bool setHere) => setHere ? " (set here)" : " (default)";

    private static string Channel(ulong id) => string.Create(CultureInfo.InvariantCulture, $"<#{id}>");

    private static string Roles(IReadOnlyList<ulong> ids) => string.Join(", ", ids.Select(id => string.Create(CultureInfo.InvariantCulture, $"<@&{id}>")));
}
