namespace BackgroundBot.Discord;

/// <summary>
/// Gateway intents (<see href="https://discord.com/developers/docs/events/gateway#gateway-intents"/>).
/// Privileged ones (<see cref="GuildMembers"/>, <see cref="GuildPresences"/>, <see cref="MessageContent"/>) must also be enabled in the Developer Portal,
/// or Discord closes the connection with 4014.
/// </summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>No intents.</summary>
    None = 0,
    /// <summary>GUILDS.</summary>
    Guilds = 1 << 0,
    /// <summary>GUILD_MEMBERS (privileged).</summary>
    GuildMembers = 1 << 1,
    /// <summary>GUILD_MODERATION.</summary>
    GuildModeration = 1 << 2,
    /// <summary>GUILD_EXPRESSIONS.</summary>
    GuildExpressions = 1 << 3,
    /// <summary>GUILD_INTEGRATIONS.</summary>
    GuildIntegrations = 1 << 4,
    /// <summary>GUILD_WEBHOOKS.</summary>
    GuildWebhooks = 1 << 5,
    /// <summary>GUILD_INVITES.</summary>
    GuildInvites = 1 << 6,
    /// <summary>GUILD_VOICE_STATES.</summary>
    GuildVoiceStates = 1 << 7,
    /// <summary>GUILD_PRESENCES (privileged).</summary>
    GuildPresences = 1 << 8,
    /// <summary>GUILD_MESSAGES.</summary>
    GuildMessages = 1 << 9,
    /// <summary>GUILD_MESSAGE_REACTIONS.</summary>
    GuildMessageReactions = 1 << 10,
    /// <summary>GUILD_MESSAGE_TYPING.</summary>
    GuildMessageTyping = 1 << 11,
    /// <summary>DIRECT_MESSAGES.</summary>
    DirectMessages = 1 << 12,
    /// <summary>DIRECT_MESSAGE_REACTIONS.</summary>
    DirectMessageReactions = 1 << 13,
    /// <summary>DIRECT_MESSAGE_TYPING.</summary>
    DirectMessageTyping = 1 << 14,
    /// <summary>MESSAGE_CONTENT (privileged).</summary>
    MessageContent = 1 << 15,
    /// <summary>GUILD_SCHEDULED_EVENTS.</summary>
    GuildScheduledEvents = 1 << 16,
    /// <summary>AUTO_MODERATION_CONFIGURATION.</summary>
    AutoModerationConfiguration = 1 << 20,
    /// <summary>AUTO_MODERATION_EXECUTION.</summary>
    AutoModerationExecution = 1 << 21,
    /// <summary>GUILD_MESSAGE_POLLS.</summary>
    GuildMessagePolls = 1 << 24,
    /// <summary>DIRECT_MESSAGE_POLLS.</summary>
    DirectMessagePolls = 1 << 25,
}
