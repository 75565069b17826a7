using System.Globalization;
using System.Text.Json.Nodes;
using BackgroundBot.Cli;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;

namespace BackgroundBot.Benchmarks.Benchmarks;

/// <summary>
/// Gateway dispatch to interaction response: the whole bot (the <c>run</c> verb) connected to the in-process fake
/// Discord; one operation is one INTERACTION_CREATE sent over the WebSocket until the fake receives the bot's
/// response over REST. <c>/about</c> measures the transport and handler; <c>/ask</c> adds a real extractive answer
/// (its callback and its edit).
/// </summary>
[ShortRun]
public class GatewayDispatchBenchmarks
{
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscordServer? _discord;
    private Task<int>? _bot;
    private string? _folder;
    private ulong _next = 1_000_000;

    [GlobalSetup]
    public void SetUp() => SetUpAsync().GetAwaiter().GetResult();

    public async Task SetUpAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        _folder = Path.Combine(Path.GetTempPath(), "backgroundbot-bench-gateway", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "bench-token",
            ["Discord:ApplicationId"] = "1000",
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
            ["Community:QuestionsPerUserPerMinute"] = "1000",
            ["Community:QuestionsPerChannelPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "None",
            ["Logging:LogLevel:BackgroundBot"] = "None",
        };
        _bot = CliApp.RunAsync(
            ["run", "--db", Path.Combine(_folder, "bot.db")],
            TextWriter.Null,
            TextWriter.Null,
            builder => builder.Configuration.AddInMemoryCollection(settings),
            _stop.Token);
        await _discord.Gateway.WaitForLiveAsync(1);
    }

    [GlobalCleanup]
    public void CleanUp() => CleanUpAsync().GetAwaiter().GetResult();

    public async Task CleanUpAsync()
    {
        await _stop.CancelAsync();
        if (_bot is not null)
        {
            await _bot;
        }

        if (_discord is not null)
        {
            await _discord.DisposeAsync();
        }

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public Task<int> About() => RoundTripAsync(id => InteractionJson.Command(id, "about", []), requests: 1);

    [Benchmark]
    public Task<int> Ask() => RoundTripAsync(
        id => InteractionJson.Command(id, "ask", new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = "Who monitors the Lachin corridor?" })),
        requests: 2);

    /// <returns>How many REST requests answered the interaction.</returns>
    private async Task<int> RoundTripAsync(Func<ulong, JsonObject> interaction, int requests)
    {
        var id = Interlocked.Increment(ref _next);
        var token = "itoken-" + id.ToString(CultureInfo.InvariantCulture);
        var answered = _discord!.WaitForRequestsAsync(r => r.Path.Contains(token, StringComparison.Ordinal) && r.AnsweredWith != 0, requests);
        await _discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction(id));
        await answered;
        return _discord.Requests.Count(r => r.Path.Contains(token, StringComparison.Ordinal) && r.AnsweredWith != 0);
    }
}
