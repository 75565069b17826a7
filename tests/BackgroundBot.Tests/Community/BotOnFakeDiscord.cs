using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Community;

/// <summary>
/// The real <c>run</c> verb (the whole bot: store, answers, community handler, gateway) against the in-process fake
/// Discord, on a fake clock that the harness moves only past short waits the bot is actually making.
/// </summary>
public sealed class BotOnFakeDiscord : IAsyncDisposable
{
    private CancellationTokenSource _stop = new();
    private Task<CliRun>? _run;
    private ulong _nextInteraction = 50_000;

    private BotOnFakeDiscord(FakeDiscordServer discord, TempFolder folder)
    {
        Discord = discord;
        Folder = folder;
    }

    public FakeDiscordServer Discord { get; }

    public TempFolder Folder { get; }

    public SignalingTimeProvider Time { get; } = new(TestStore.Start);

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Store:SeedPack"] = "false",
        ["Moderation:HomeGuildIds:0"] = InteractionJson.HomeGuild,
    };

    public Action<IServiceCollection>? Services { get; set; }

    public string Db => Path.Combine(Folder.Path, "bot.db");

    /// <summary>The `run` verb itself: completes when the bot stops, with its exit code and output.</summary>
    public Task<CliRun> Run => _run!;

    /// <summary>The running bot's services, to check what it stored.</summary>
    public IServiceProvider BotServices { get; private set; } = null!;

    /// <param name="prepareStore">Runs before the bot starts, with the store's path (e.g. to import an article).</param>
    /// <param name="services">Changes to the bot's services (a failing part, a log capture).</param>
    public static async Task<BotOnFakeDiscord> StartAsync(Func<BotOnFakeDiscord, Task>? prepareStore = null, Action<IServiceCollection>? services = null)
    {
        var bot = new BotOnFakeDiscord(await FakeDiscordServer.StartAsync(), TempFolder.Create()) { Services = services };
        if (prepareStore is not null)
        {
            await prepareStore(bot);
        }

        await bot.RunBotAsync();
        return bot;
    }

    /// <summary>
    /// Stops the bot (as SIGTERM would), runs <paramref name="whileStopped"/> (move the clock, say), and starts it again on the
    /// same store and the same fake Discord.
    /// </summary>
    public async Task RestartAsync(Action? whileStopped = null)
    {
        await _stop.CancelAsync();
        await _run!.WaitAsync(TestTimeouts.Signal);
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        whileStopped?.Invoke();
        await RunBotAsync();
    }

    private async Task RunBotAsync()
    {
        var live = Discord.Gateway.Connections.Count + 1;
        _run = CliRun.RunAsync(["run", "--db", Db], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = "test-token.abc",
                ["Discord:ApplicationId"] = "1000",
                ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl.AbsoluteUri,
            });
            builder.Configuration.AddInMemoryCollection(Settings);
            builder.Services.AddSingleton<TimeProvider>(Time);
            builder.Services.AddHostedService(sp => new ServiceCapture(sp, this));
            Services?.Invoke(builder.Services);
        }, _stop.Token);
        await PumpUntilAsync(Discord.Gateway.WaitForLiveAsync(live));
    }

    /// <summary>Sends an interaction on the gateway and waits until the bot made <paramref name="requests"/> more REST calls about it.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> InteractAsync(Func<ulong, JsonObject> interaction, int requests = 2)
    {
        var id = Interlocked.Increment(ref _nextInteraction);
        var token = $"itoken-{id}";
        await Discord.Gateway.DispatchAsync("INTERACTION_CREATE", interaction(id));
        await PumpUntilAsync(Discord.WaitForRequestsAsync(r => r.Path.Contains(token, StringComparison.Ordinal) && r.AnsweredWith != 0, requests));
        return Discord.Requests.Where(r => r.Path.Contains(token, StringComparison.Ordinal) && r.AnsweredWith != 0).ToList();
    }

    public async Task PumpUntilAsync(Task condition)
    {
        while (!condition.IsCompleted)
        {
            using var cancel = new CancellationTokenSource();
            var timer = Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(10) && d != TimeSpan.FromSeconds(2.5), cancel.Token);
            if (await Task.WhenAny(condition, timer) == timer && timer.IsCompletedSuccessfully)
            {
                Time.Advance(timer.Result);
            }
            else
            {
                await cancel.CancelAsync();
            }
        }

        await condition;
    }

    private sealed class ServiceCapture(IServiceProvider services, BotOnFakeDiscord bot) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            bot.BotServices = services;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TestTimeouts.Signal);
        }

        await Discord.DisposeAsync();
        Folder.Dispose();
        _stop.Dispose();
    }
}
