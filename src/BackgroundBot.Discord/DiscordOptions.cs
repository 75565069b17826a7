using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Discord;

/// <summary>
/// Settings of the Discord layer, bound from the <c>Discord</c> configuration section and validated at start.
/// The token is a secret: it is never logged and never put in an exception message.
/// </summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Discord";

    /// <summary>The bot token (Developer Portal, Bot page). Required.</summary>
    [Required(ErrorMessage = "Discord:Token is required (the bot token from the Developer Portal's Bot page).")]
    public string Token { get; set; } = "";

    /// <summary>The application id (Developer Portal, General Information). Required.</summary>
    [Range(1ul, ulong.MaxValue, ErrorMessage = "Discord:ApplicationId is required (the application id from the Developer Portal).")]
    public ulong ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key as 64 hex characters; required by the HTTP interactions endpoint.</summary>
    [RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Discord:PublicKey must be the 64 hex characters shown as 'Public Key' in the Developer Portal.")]
    public string? PublicKey { get; set; }

    /// <summary>When set, commands are registered in this guild only (instant updates while developing). Defaults to global registration.</summary>
    public ulong? GuildId { get; set; }

    /// <summary>Number of gateway shards. Defaults to the count recommended by <c>GET /gateway/bot</c>.</summary>
    [Range(1, 10_000, ErrorMessage = "Discord:Shards must be between 1 and 10000, or left unset to use Discord's recommendation.")]
    public int? Shards { get; set; }

    /// <summary>Gateway intents. Defaults to <see cref="GatewayIntents.Guilds"/>, the least an interaction bot needs.</summary>
    public GatewayIntents Intents { get; set; } = GatewayIntents.Guilds;

    /// <summary>REST base URL; the gateway URL is always discovered from <c>GET {ApiBaseUrl}/gateway/bot</c>. Defaults to <c>https://discord.com/api/v10</c>.</summary>
    [Required(ErrorMessage = "Discord:ApiBaseUrl must be an absolute http(s) URL.")]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>How many interactions are handled at once. Defaults to 16.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentInteractions { get; set; } = 16;

    /// <summary>
    /// Invalid requests (401, 403, 429) allowed in Discord's 10-minute window before the layer stops sending.
    /// Discord bans the IP at 10,000; defaults to 5,000 to stop well before that.
    /// </summary>
    [Range(1, 9_000)]
    public int InvalidRequestLimit { get; set; } = 5_000;

    /// <summary>How old a signed HTTP interaction may be before it is rejected as a replay. Defaults to 5 minutes.</summary>
    public TimeSpan InteractionTimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// When a handler has not answered an HTTP interaction after this long, the layer defers for it,
    /// because Discord gives the first response 3 seconds. Defaults to 2.5 seconds.
    /// </summary>
    public TimeSpan AutoDeferAfter { get; set; } = TimeSpan.FromSeconds(2.5);
}
