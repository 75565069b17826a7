using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackgroundBot.Cli;
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
        await _discord.WaitForRequestsAsync("PATCH", "/webhooks/1000/itoken-81/messages/@original");

        Assert.Equal(1, JsonNode.Parse(await pong.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        Assert.Contains("Looking that up", JsonNode.Parse(await ask.Content.ReadAsStringAsync())!["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        var edit = JsonNode.Parse(_discord.RequestsTo("PATCH", "/webhooks/1000/itoken-81/messages/@original").Last().Body)!;
        Assert.Contains("monitored by Russian peacekeepers", edit["embeds"]![0]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
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

    private HttpRequestMessage Signed(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    /// <summary>Completes with the first line written that starts with a prefix.</summary>
    private sealed class LineSignal(string prefix) : StringWriter(CultureInfo.InvariantCulture)
    {
        private readonly TaskCompletionSource<string> _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Line => _line.Task;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                _line.TrySetResult(value);
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }
    }
}
