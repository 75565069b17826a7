using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord;

/// <summary>The HTTP interactions endpoint cannot verify signatures without the public key.</summary>
internal sealed class InteractionsEndpointOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options) =>
        string.IsNullOrEmpty(options.PublicKey)
            ? ValidateOptionsResult.Fail("Discord:PublicKey is required to serve the HTTP interactions endpoint (Developer Portal, General Information, 'Public Key').")
            : ValidateOptionsResult.Success;
}
