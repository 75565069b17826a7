using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord;

/// <summary>Cross-field rules of <see cref="DiscordOptions"/> that attributes cannot express.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!options.ApiBaseUrl.IsAbsoluteUri || (options.ApiBaseUrl.Scheme != Uri.UriSchemeHttps && options.ApiBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (options.Token.Any(char.IsWhiteSpace) || options.Token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Discord:Token must be the bare token, without spaces or a 'Bot ' prefix.");
        }

        var unknown = options.Intents & ~GatewayIntentsInfo.All;
        if (unknown != 0)
        {
            failures.Add("Discord:Intents contains bits Discord does not define.");
        }

        if (options.InteractionTimestampTolerance <= TimeSpan.Zero)
        {
            failures.Add("Discord:InteractionTimestampTolerance must be positive.");
        }

        if (options.AutoDeferAfter <= TimeSpan.Zero || options.AutoDeferAfter >= TimeSpan.FromSeconds(3))
        {
            failures.Add("Discord:AutoDeferAfter must be between 0 and 3 seconds (Discord's window for the first response).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
