using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackgroundBot.Cli;
using BackgroundBot.Moderation;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using NSec.Cryptography;

namespace BackgroundBot.Tests.Community;

/// <summary>The `serve` verb as an operator runs it: Kestrel on loopback, signed requests in, answers through REST.</summary>
public sealed class ServeTests : IAsyncLifetime
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly CancellationTokenSource _stop = new();
    private readonly LineSignal _output = new("Serving Discord interactions at ");
    private FakeDiscordServer _discord = null!;
    private Task<int> _serve = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token.abc",
            ["Discord:ApplicationId"] = "1000",
            ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
            ["Store:SeedPack"] = "false",
            ["Moderation:ReviewChannelId"] = "999",
        };
        _serve = CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(_folder.Path, "bot.db")],
            _output,
            TextWriter.Null,
            builder => builder.Configuration.AddInMemoryCollection(settings),
            _stop.Token);
        var line = await _output.Line.WaitAsync(TestTimeouts.Signal);
        _endpoint = new Uri(Regex.Match(line, @"http://\S+/interactions").Value);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serve.WaitAsync(TestTimeouts.Signal);
        await _discord.DisposeAsync();
        _folder.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task A_signed_ping_gets_a_pong_and_a_signed_question_an_answer()
    {
        using var http = new HttpClient();

        var pong = await http.SendAsync(Signed(InteractionJson.Ping().ToJsonString()));
        var ask = await http.SendAsync(Signed(InteractionJson.Command(81, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "Who monitors the Lachin corridor?" })).ToJsonString()));
        var placeholder = await ask.Content.ReadAsStringAsync();
        _discord.Messages.AnsweredOverHttp("81", "itoken-81", placeholder);
        await _discord.WaitForRequestsAsync("PATCH", "/webhooks/1000/itoken-81/messages/@original");

        Assert.Equal(1, JsonNode.Parse(await pong.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        Assert.Contains("Looking that up", JsonNode.Parse(placeholder)!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var shown = _discord.Messages.OriginalOf("itoken-81")!;
        Assert.Equal("", shown.Content);
        Assert.Contains("monitored by Russian peacekeepers", shown.EmbedDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_body_is_rejected_and_the_health_check_answers()
    {
        using var http = new HttpClient();
        var request = Signed(InteractionJson.Ping().ToJsonString());
        request.Content = new StringContent(InteractionJson.Ping().ToJsonString().Replace("ping-token", "evil-token", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        var rejected = await http.SendAsync(request);
        var health = await http.GetAsync(new Uri(_endpoint, "/healthz"));

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_same_signed_request_sent_twice_creates_one_suggestion()
    {
        using var http = new HttpClient();
        var body = InteractionJson.ModalSubmit(83, "suggest", new Dictionary<string, string>
        {
            ["statement"] = "Since May 2024 Armenian border guards have guarded the Tavush border villages.",
            ["topic"] = "territory",
        }, userId: "321").ToJsonString();
        var timestamp = DateTimeOffset.UtcNow;

        using var first = await http.SendAsync(Signed(body, timestamp));
        using var replay = await http.SendAsync(Signed(body, timestamp));

        Assert.Contains("queued for the moderators as #1", (string?)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["data"]!["content"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.StartsWith("**Suggestion #1**", Assert.Single(_discord.Messages.In("999")).Content, StringComparison.Ordinal);
    }

    private HttpRequestMessage Signed(string body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }
}
