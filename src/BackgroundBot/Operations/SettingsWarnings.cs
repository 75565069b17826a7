using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Operations;

/// <summary>Logs <see cref="SettingsKeyCheck"/>'s findings as warnings when any verb or the bot starts.</summary>
internal sealed class SettingsWarnings(IConfiguration configuration, ILogger<SettingsWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var problem in SettingsKeyCheck.Problems(configuration))
        {
            Log.UnknownSetting(logger, problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
