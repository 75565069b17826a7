using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Checks <c>X-Signature-Ed25519</c> over <c>X-Signature-Timestamp</c> + body with the application's public key
/// (<see href="https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers"/>).
/// Discord sends deliberately bad signatures and removes an endpoint that accepts them. A timestamp outside
/// <see cref="DiscordOptions.InteractionTimestampTolerance"/> is refused too, so a captured request cannot be replayed later.
/// </summary>
internal sealed class InteractionSignatureVerifier
{
    private readonly PublicKey _key;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    public InteractionSignatureVerifier(IOptions<DiscordOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(o.PublicKey ?? ""), KeyBlobFormat.RawPublicKey);
        _tolerance = o.InteractionTimestampTolerance;
        _time = time;
    }

    /// <summary>Null when the request is genuine and fresh; otherwise why it was refused.</summary>
    public string? Check(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return "signature headers missing";
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return "signature is not hex";
        }

        if (signature.Length != SignatureAlgorithm.Ed25519.SignatureSize)
        {
            return "signature has the wrong length";
        }

        var timestampBytes = Encoding.UTF8.GetBytes(timestamp);
        var signed = new byte[timestampBytes.Length + body.Length];
        timestampBytes.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(timestampBytes.Length));
        if (!SignatureAlgorithm.Ed25519.Verify(_key, signed, signature))
        {
            return "bad signature";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "timestamp is not a number";
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() > _tolerance ? "stale timestamp" : null;
    }
}
