namespace BackgroundBot.Discord.Tests.Support;

public static class TestOptions
{
    public const ulong ApplicationId = 1000;
    public const string Token = "test-token.abc";

    public static DiscordOptions For(Uri apiBaseUrl, Action<DiscordOptions>? configure = null)
    {
        var options = new DiscordOptions { Token = Token, ApplicationId = ApplicationId, ApiBaseUrl = apiBaseUrl };
        configure?.Invoke(options);
        return options;
    }
}
