namespace BackgroundBot.Discord.Models;

/// <summary>Where a command may be used (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-context-types"/>).</summary>
public enum InteractionContextType
{
    /// <summary>In a server.</summary>
    Guild = 0,
    /// <summary>In the bot's DM.</summary>
    BotDm = 1,
    /// <summary>In group DMs and other users' DMs (user-installed apps).</summary>
    PrivateChannel = 2,
}
