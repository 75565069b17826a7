using BackgroundBot.Discord.Rest;
using BackgroundBot.Testing;
using BackgroundBot.Testing.FakeDiscord;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Tests.Support;

/// <summary>A REST client talking to a fresh fake Discord, on a clock the test moves; both disposed after each test.</summary>
public abstract class RestOnFakeDiscord : IAsyncLifetime
{
    protected SignalingTimeProvider Time { get; } = new();

    protected FakeDiscordServer Server { get; private set; } = null!;

    protected DiscordRestClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeDiscordServer.StartAsync();
        Client = new DiscordRestClient(Options.Create(TestOptions.For(Server.ApiBaseUrl)), Time, NullLogger<DiscordRestClient>.Instance);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
