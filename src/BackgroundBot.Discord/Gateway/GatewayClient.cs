using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// The gateway transport as a hosted service: discovers the URL, shard count and session start budget from <c>GET /gateway/bot</c>,
/// runs every shard, and hands interactions to the handler. A fatal close (bad token, bad shards or intents) or a spent IDENTIFY
/// budget stops the application with one message saying what to fix; it never loops reconnecting.
/// </summary>
internal sealed class GatewayClient(
    DiscordRestClient rest,
    InteractionDispatcher dispatcher,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    GatewayJitter jitter,
    IHostApplicationLifetime lifetime,
    GatewayState state,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<GatewayClient>();
    private readonly TaskCompletionSource<string> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the reason when the gateway stopped for a reason needing a configuration change.</summary>
    internal Task<string> Stopped => _stopped.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var workers = dispatcher.RunAsync(run.Token);
        try
        {
            var o = options.Value;
            var bot = await rest.GetGatewayBotAsync(run.Token) ?? throw new GatewayFatalException("GET /gateway/bot returned nothing.");
            var shards = o.Shards ?? Math.Max(1, bot.Shards);
            var limiter = new IdentifyLimiter(time, bot.SessionStartLimit);
            var url = new Uri(bot.Url);
            var shardLogger = loggers.CreateLogger<GatewayShard>();
            await Task.WhenAll(Enumerable.Range(0, shards).Select(id =>
                RunShardAsync(new GatewayShard(id, shards, url, o, limiter, dispatcher, time, jitter, shardLogger), run)));
        }
        catch (GatewayFatalException e)
        {
            Stop(e.Message);
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException)
        {
            // Without GET /gateway/bot there is no URL to connect to; REST already retried server errors.
            Stop($"Could not discover the gateway from {options.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/')}/gateway/bot: {e.Message}");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await run.CancelAsync();
            await workers;
        }
    }

    private async Task RunShardAsync(GatewayShard shard, CancellationTokenSource run)
    {
        try
        {
            await shard.RunAsync(run.Token);
        }
        catch (GatewayFatalException e)
        {
            // One shard's fatal condition is every shard's: stop them all, and report it once.
            Stop(e.Message);
            await run.CancelAsync();
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
        }
    }

    private void Stop(string reason)
    {
        if (_stopped.TrySetResult(reason))
        {
            GatewayLog.Stopped(_logger, reason);
            state.SetFatal(reason);
            lifetime.StopApplication();
        }
    }
}
