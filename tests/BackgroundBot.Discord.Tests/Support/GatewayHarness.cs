using BackgroundBot.Discord.Gateway;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Tests.Support;

/// <summary>A real generic host running the gateway transport against the fake Discord, with time under the test's control.</summary>
public sealed class GatewayHarness : IAsyncDisposable
{
    private IHost? _host;

    private GatewayHarness(FakeDiscordServer discord) => Discord = discord;

    public FakeDiscordServer Discord { get; }

    public SignalingTimeProvider Time { get; } = new();

    public RecordingHandler Handler { get; } = new();

    public Dictionary<string, string?> Settings { get; } = [];

    public IApplicationCommandSource? Commands { get; set; }

    public Xunit.Abstractions.ITestOutputHelper? Output { get; set; }

    internal GatewayClient Gateway => _host!.Services.GetRequiredService<GatewayClient>();

    public IHostApplicationLifetime Lifetime => _host!.Services.GetRequiredService<IHostApplicationLifetime>();

    public static async Task<GatewayHarness> CreateAsync() => new(await FakeDiscordServer.StartAsync());

    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = TestOptions.Token,
            ["Discord:ApplicationId"] = "1000",
            ["Discord:ApiBaseUrl"] = Discord.ApiBaseUrl.AbsoluteUri,
        });
        builder.Configuration.AddInMemoryCollection(Settings);
        if (Output is not null)
        {
            builder.Logging.AddProvider(new TestOutputLoggerProvider(Output));
            builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug);
        }

        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<GatewayJitter, FixedJitter>();
        builder.Services.AddSingleton<IInteractionHandler>(Handler);
        if (Commands is not null)
        {
            builder.Services.AddSingleton(Commands);
        }

        builder.Services.AddDiscordGateway(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }

    /// <summary>The auto-deferral delay (Discord:AutoDeferAfter); <see cref="PumpUntilAsync"/> leaves these timers alone.</summary>
    public static readonly TimeSpan AutoDeferAfter = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// Waits for <paramref name="condition"/>, moving fake time forward whenever the bot waits on a short timer (backoff, the 1-5 s
    /// invalid-session wait, identify spacing, rate limits). Heartbeat intervals are longer than <paramref name="longest"/> and never
    /// fire here, and auto-deferral timers are left alone so that whether a handler was deferred for never depends on scheduling;
    /// a test that wants one advances it itself.
    /// </summary>
    public async Task PumpUntilAsync(Task condition, TimeSpan? longest = null)
    {
        var limit = longest ?? TimeSpan.FromSeconds(10);
        while (!condition.IsCompleted)
        {
            using var cancel = new CancellationTokenSource();
            var timer = Time.WaitForTimerAsync(d => d > TimeSpan.Zero && d <= limit && d != AutoDeferAfter, cancel.Token);
            var first = await Task.WhenAny(condition, timer);
            if (first == timer && timer.IsCompletedSuccessfully)
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

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Discord.DisposeAsync();
    }
}
