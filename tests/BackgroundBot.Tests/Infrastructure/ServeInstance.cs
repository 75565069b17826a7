using System.Text.RegularExpressions;
using BackgroundBot.Cli;
using BackgroundBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Tests.Infrastructure;

/// <summary>
/// One real <c>serve</c> in this process on a loopback port, with the settings given; several of them share a store and a
/// fake Discord as a scaled-out deployment does. Its services are there for the test to watch (its store's change feed).
/// </summary>
public sealed partial class ServeInstance : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<IServiceProvider> _services = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<int> _serve = null!;

    private ServeInstance()
    {
    }

    public Uri Endpoint { get; private set; } = null!;

    public IServiceProvider Services => _services.Task.Result;

    public static async Task<ServeInstance> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var instance = new ServeInstance();
        var output = new LineSignal("Serving Discord interactions at ");
        instance._serve = CliApp.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0"],
            output,
            TextWriter.Null,
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(settings);

                // Built with the other hosted services, so the test gets the instance's own service provider.
                builder.Services.AddSingleton<IHostedService>(sp =>
                {
                    instance._services.TrySetResult(sp);
                    return new Watcher();
                });
            },
            instance._stop.Token);
        await Task.WhenAny(output.Line, instance._serve).WaitAsync(TestTimeouts.Signal);
        if (instance._serve.IsCompleted)
        {
            throw new InvalidOperationException($"serve stopped at start with exit code {instance._serve.Result}.");
        }

        instance.Endpoint = new Uri(Address().Match(await output.Line).Value);
        await instance._services.Task.WaitAsync(TestTimeouts.Signal);
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serve.WaitAsync(TestTimeouts.Signal);
        _stop.Dispose();
    }

    [GeneratedRegex(@"http://\S+/interactions")]
    private static partial Regex Address();

    private sealed class Watcher : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
