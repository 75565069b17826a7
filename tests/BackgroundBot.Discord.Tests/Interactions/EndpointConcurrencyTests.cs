using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Tests.Support;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSec.Cryptography;

namespace BackgroundBot.Discord.Tests.Interactions;

/// <summary>The HTTP endpoint runs handlers under the same limit as the gateway, and still answers every request in time.</summary>
public sealed class EndpointConcurrencyTests : IAsyncLifetime
{
    private readonly SignalingTimeProvider _time = new();
    private readonly RecordingHandler _handler = new();
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private FakeDiscordServer _discord = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = TestOptions.Token,
            ["Discord:ApplicationId"] = "1000",
            ["Discord:PublicKey"] = Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
            ["Discord:MaxConcurrentInteractions"] = "2",
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IInteractionHandler>(_handler);
        builder.Services.AddDiscordInteractionsEndpoint(builder.Configuration);
        _app = builder.Build();
        _app.MapDiscordInteractions();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Five_slow_requests_run_two_handlers_at_once_and_all_five_are_deferred_within_3_seconds_of_arrival()
    {
        var proceed = new TaskCompletionSource();
        var running = 0;
        var most = 0;
        _handler.Behaviour = async (c, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            lock (_handler)
            {
                most = Math.Max(most, now);
            }

            await proceed.Task;
            await c.Responder.RespondAsync(DiscordMessage.Text("late answer"), ct);
            Interlocked.Decrement(ref running);
        };
        var arrived = _time.GetUtcNow();

        var posts = Enumerable.Range(1, 5).Select(i => PostAsync(InteractionJson.Command((ulong)(300 + i)).ToJsonString())).ToList();
        foreach (var _ in posts)
        {
            await _time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(2.5));
        }

        await _handler.WaitForCountAsync(2);
        _time.Advance(TimeSpan.FromSeconds(2.5));
        var responses = await Task.WhenAll(posts);

        Assert.True(_time.GetUtcNow() - arrived < TimeSpan.FromSeconds(3));
        foreach (var response in responses)
        {
            Assert.Equal(5, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!);
            response.Dispose();
        }

        Assert.Equal(2, _handler.Handled.Count);
        proceed.SetResult();
        await _discord.WaitForRequestsAsync("PATCH", "/messages/@original", 5);
        Assert.Equal(5, _handler.Handled.Count);
        Assert.Equal(2, most);
    }

    private Task<HttpResponseMessage> PostAsync(string body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        var request = new HttpRequestMessage(HttpMethod.Post, "/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return _http.SendAsync(request);
    }
}
