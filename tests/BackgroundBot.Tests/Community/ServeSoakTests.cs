using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BackgroundBot.Bot;
using BackgroundBot.Cli;
using BackgroundBot.Community;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NSec.Cryptography;

namespace BackgroundBot.Tests.Community;

/// <summary>
/// `serve` under a long stream of members: what the bot remembers per member, channel, route or token stays bounded by
/// what is active, not by everyone who ever asked.
/// </summary>
public sealed class ServeSoakTests : IAsyncLifetime
{
    private const int Members = 5_000;
    private const int Batch = 250;
    private const int Channels = 50;

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly CancellationTokenSource _stop = new();
    private readonly SignalingTimeProvider _time = new(TestStore.Start);
    private readonly TaskCompletionSource<IServiceProvider> _services = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LineSignal _output = new("Serving Discord interactions at ");
    private FakeDiscordServer _discord = null!;
    private Task<int> _serve = null!;
    private HttpClient _http = null!;

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
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:BackgroundBot"] = "Warning",
        };
        _serve = CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(_folder.Path, "bot.db")],
            _output,
            TextWriter.Null,
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Services.AddSingleton<TimeProvider>(_time);
                builder.Services.AddHostedService(sp => new ServiceCapture(sp, _services));
            },
            _stop.Token);
        var address = Regex.Match(await _output.Line.WaitAsync(TestTimeouts.Signal), @"http://\S+/interactions").Value;
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stop.CancelAsync();
        await _serve.WaitAsync(TestTimeouts.Signal);
        await _discord.DisposeAsync();
        _folder.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task Five_thousand_members_asking_leave_the_limiters_and_rate_limit_buckets_bounded()
    {
        var services = await _services.Task;
        var limiter = services.GetRequiredService<RequestLimiter>();
        var rest = services.GetRequiredService<DiscordRestClient>();
        var windows = new List<int>();
        var buckets = new List<int>();

        for (var first = 1; first <= Members; first += Batch)
        {
            var members = Enumerable.Range(first, Batch).ToList();
            var replies = await Task.WhenAll(members.Select(AskAsync));
            Assert.All(replies, r => Assert.Contains("Looking that up", r, StringComparison.Ordinal));
            await _discord.WaitForRequestsAsync(r => r.Method == "PATCH" && r.AnsweredWith == 200, first + Batch - 1);
            windows.Add(limiter.Count);
            buckets.Add(rest.RateLimitBucketCount);

            // A minute between batches: each member's one-minute window has passed by the next-but-one batch.
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        // Every member's final answer was delivered, each by an edit of its own interaction.
        Assert.Equal(Members, _discord.RequestsTo("PATCH", "/messages/@original").Select(r => r.Path).Distinct().Count());
        // Active members of the last two batches and the channels: a bound by activity, not by the 5,000 who asked.
        Assert.All(windows, count => Assert.InRange(count, 1, (2 * Batch) + Channels));
        // Every answer went to a different interaction token; the edits share one bucket for their route template.
        Assert.All(buckets, count => Assert.InRange(count, 1, 3));
    }

    private async Task<string> AskAsync(int member)
    {
        var id = (ulong)(900_000 + member);
        var json = InteractionJson.Command(
            id,
            "ask",
            new JsonArray(
                new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "Who monitors the Lachin corridor?" },
                new JsonObject { ["name"] = "private", ["type"] = 5, ["value"] = true }),
            userId: (10_000 + member).ToString(CultureInfo.InvariantCulture),
            channelId: (600 + (member % Channels)).ToString(CultureInfo.InvariantCulture));
        var body = json.ToJsonString();
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body))).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private sealed class ServiceCapture(IServiceProvider services, TaskCompletionSource<IServiceProvider> captured) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            captured.TrySetResult(services);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
