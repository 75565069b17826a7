using Microsoft.Extensions.Hosting;

namespace BackgroundBot.Answering;

/// <summary>Resolves the answerer at start: prompt files and model settings are checked before any question arrives.</summary>
internal sealed class AnswererStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(IAnswerer));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
