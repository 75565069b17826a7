namespace BackgroundBot.Discord.Models;

/// <summary>Permission bits (<see href="https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags"/>); only the ones a bot typically checks are named.</summary>
[Flags]
#pragma warning disable CA1711 // Discord's own name for the bit set.
public enum DiscordPermissions : ulong
#pragma warning restore CA1711
{
    /// <summary>No permission.</summary>
    None = 0,
    /// <summary>KICK_MEMBERS.</summary>
    KickMembers = 1ul << 1,
    /// <summary>BAN_MEMBERS.</summary>
    BanMembers = 1ul << 2,
    /// <summary>ADMINISTRATOR: every permission.</summary>
    Administrator = 1ul << 3,
    /// <summary>MANAGE_CHANNELS.</summary>
    ManageChannels = 1ul << 4,
    /// <summary>MANAGE_GUILD.</summary>
    ManageGuild = 1ul << 5,
    /// <summary>VIEW_CHANNEL.</summary>
    ViewChannel = 1ul << 10,
    /// <summary>SEND_MESSAGES.</summary>
    SendMessages = 1ul << 11,
    /// <summary>MANAGE_MESSAGES.</summary>
    ManageMessages = 1ul << 13,
    /// <summary>EMBED_LINKS.</summary>
    EmbedLinks = 1ul << 14,
    /// <summary>MENTION_EVERYONE.</summary>
    MentionEveryone = 1ul << 17,
    /// <summary>MANAGE_ROLES.</summary>
    ManageRoles = 1ul << 28,
    /// <summary>MANAGE_THREADS.</summary>
    ManageThreads = 1ul << 34,
    /// <summary>SEND_MESSAGES_IN_THREADS.</summary>
    SendMessagesInThreads = 1ul << 38,
    /// <summary>MODERATE_MEMBERS.</summary>
    ModerateMembers = 1ul << 40,
}
