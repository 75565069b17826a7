using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NSec.Cryptography;

namespace BackgroundBot.Tests.Operations;

/// <summary>Signs interactions as Discord does, for tests that post them to a real <c>serve</c>.</summary>
public sealed class SignedInteractions : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string PublicKey => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public HttpRequestMessage Post(Uri endpoint, JsonObject interaction, DateTimeOffset now)
    {
        var body = interaction.ToJsonString();
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public static JsonObject Ask(ulong id, string question, string userId = "700") =>
        BackgroundBot.Testing.InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question }), userId: userId);

    public void Dispose() => _key.Dispose();
}
