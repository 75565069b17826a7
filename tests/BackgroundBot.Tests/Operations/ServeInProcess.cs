using System.Globalization;
using System.Text.RegularExpressions;
using BackgroundBot.Cli;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Operations;

/// <summary>The real <c>serve</c> verb in this process, on loopback against the fake Discord, on a clock the test moves.</summary>
public sealed partial class ServeInProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SignedInteractions _signer = new();
    private readonly TempFolder _folder = TempFolder.Create();
    private Task<int> _serve = null!;

    private ServeInProcess(FakeDiscordServer discord) => Discord = discord;

    public FakeDiscordServer Discord { get; }

    public SignalingTimeProvider Time { get; } = new(TestStore.Start);

    public HttpClient Http { get; private set; } = null!;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<ServeInProcess> StartAsync()
    {
        var serve = new ServeInProcess(await FakeDiscordServer.StartAsync());
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "test-token.abc",
            ["Discord:ApplicationId"] = "1000",
            ["Discord:PublicKey"] = serve._signer.PublicKey,
            ["Discord:ApiBaseUrl"] = serve.Discord.ApiBaseUrl.AbsoluteUri,
            ["Store:SeedPack"] = "false",
        };
        var output = new LineSignal("Serving Discord interactions at ");
        serve._serve = CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(serve._folder.Path, "bot.db")],
            output,
            TextWriter.Null,
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);
                builder.Services.AddSingleton<TimeProvider>(serve.Time);
            },
            serve._stop.Token);
        serve.Endpoint = new Uri(Address().Match(await output.Line.WaitAsync(TestTimeouts.Signal)).Value);
        serve.Http = new HttpClient { BaseAddress = new Uri(serve.Endpoint.GetLeftPart(UriPartial.Authority)) };

        // Start-up registers the commands in the background; a test that makes Discord unreachable must not race it (its
        // success, landing after the test moved the clock on, would count as Discord answering just now).
        await serve.Discord.WaitForRequestsAsync("PUT", "/commands").WaitAsync(TestTimeouts.Signal);
        return serve;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await _stop.CancelAsync();
        await _serve.WaitAsync(TestTimeouts.Signal);
        await Discord.DisposeAsync();
        _signer.Dispose();
        _folder.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex(@"http://\S+/interactions")]
    private static partial Regex Address();
}
