namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// What each close code means for the bot (<see href="https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes"/>).
/// Fatal codes stop the bot with a message saying what to fix: reconnecting cannot help and would loop.
/// </summary>
internal static class GatewayCloseCodes
{
    public static GatewayCloseAction For(int? code) => code switch
    {
        4004 => GatewayCloseAction.Fatal("Discord rejected the bot token (close code 4004). Set Discord:Token to the token on the Developer Portal's Bot page (reset it if it leaked)."),
        4010 => GatewayCloseAction.Fatal("Discord rejected the shard (close code 4010). Set Discord:Shards to a valid shard count, or remove it to use Discord's recommendation."),
        4011 => GatewayCloseAction.Fatal("Discord requires sharding for this bot (close code 4011). Set Discord:Shards higher, or remove it to use Discord's recommendation."),
        4012 => GatewayCloseAction.Fatal("Discord rejected the gateway version (close code 4012). This build speaks gateway v10; update the bot."),
        4013 => GatewayCloseAction.Fatal("Discord rejected the intents (close code 4013). Discord:Intents contains an invalid value."),
        4014 => GatewayCloseAction.Fatal("Discord refused a privileged intent (close code 4014). Enable it under Privileged Gateway Intents on the Developer Portal's Bot page, or remove it from Discord:Intents."),
        // Invalid sequence and session timeout end the session on Discord's side: only a new IDENTIFY helps.
        4007 or 4009 => GatewayCloseAction.Identify,
        // 4000 unknown error, 4001 unknown opcode, 4002 decode error, 4003 not authenticated, 4005 already authenticated,
        // 4008 rate limited, abrupt drops and anything else: the session survives and is resumed.
        _ => GatewayCloseAction.Resume,
    };
}
