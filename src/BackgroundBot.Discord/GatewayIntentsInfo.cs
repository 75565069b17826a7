namespace BackgroundBot.Discord;

internal static class GatewayIntentsInfo
{
    public const GatewayIntents Privileged = GatewayIntents.GuildMembers | GatewayIntents.GuildPresences | GatewayIntents.MessageContent;

    public static readonly GatewayIntents All = Enum.GetValues<GatewayIntents>().Aggregate(GatewayIntents.None, (a, b) => a | b);
}
