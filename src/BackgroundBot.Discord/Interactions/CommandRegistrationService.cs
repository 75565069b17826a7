using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Interactions;

/// <summary>Registers the application commands once at start, for either transport.</summary>
internal sealed class CommandRegistrationService(ApplicationCommandRegistrar registrar, ILogger<CommandRegistrationService> logger) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when registration finished (or failed and was logged).</summary>
    internal Task Completed => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await registrar.RegisterAsync(stoppingToken);
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException)
        {
            InteractionsLog.CommandsRegistrationFailed(logger, e);
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
