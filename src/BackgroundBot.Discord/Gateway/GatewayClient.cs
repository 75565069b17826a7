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
    ILoggerFactory loggers,
    Diagnostics.DiscordMetrics? metrics = null,
    Diagnostics.DiscordReachability? reachability = null) : BackgroundService
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
            var bot = await DiscoverAsync(run.Token);
            var shards = o.Shards ?? Math.Max(1, bot.Shards);
            var limiter = new IdentifyLimiter(time, bot.SessionStartLimit);
            var url = new Uri(bot.Url);
            var shardLogger = loggers.CreateLogger<GatewayShard>();
            await Task.WhenAll(Enumerable.Range(0, shards).Select(id =>
                RunShardAsync(new GatewayShard(id, shards, url, o, limiter, dispatcher, time, jitter, shardLogger, metrics, reachability), run)));
        }
        catch (GatewayFatalException e)
        {
            Stop(e.Message);
        }
        catch (DiscordRestException e)
        {
            // Discord answered and refused (a bad token): only a configuration change helps.
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

    /// <summary>
    /// <c>GET /gateway/bot</c>, tried again with backoff for as long as Discord cannot be reached or answers 5xx: a bot started
    /// without network (or during an outage) waits for it, unready, instead of exiting.
    /// </summary>
    private async Task<Json.JsonGatewayBot> DiscoverAsync(CancellationToken cancellationToken)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await rest.GetGatewayBotAsync(cancellationToken) ?? throw new GatewayFatalException("GET /gateway/bot returned nothing.");
            }
            catch (Exception e) when (e is HttpRequestException || e is DiscordRestException { Status: >= 500 })
            {
                var delay = ReconnectBackoff.Delay(failures, jitter);
                GatewayLog.DiscoveryFailed(_logger, e.Message.TrimEnd('.'), delay);
                await Task.Delay(delay, time, cancellationToken);
            }
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
