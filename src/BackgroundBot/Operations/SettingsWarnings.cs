using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Operations;

/// <summary>Logs <see cref="SettingsKeyCheck"/>'s findings as warnings when any verb or the bot starts.</summary>
internal sealed class SettingsWarnings(IConfiguration configuration, IEnumerable<SettingsSection> sections, ILogger<SettingsWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var problem in SettingsKeyCheck.Problems(configuration, sections))
        {
            Log.UnknownSetting(logger, problem);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
