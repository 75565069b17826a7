using System.Text.Json;
using BackgroundBot.Discord.Json;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// One shard's gateway session (<see href="https://discord.com/developers/docs/events/gateway#connection-lifecycle"/>): connects,
/// identifies or resumes, and decides after every disconnect whether to resume (on <c>resume_gateway_url</c>), start a new session
/// (on the discovered URL, after dropping the old session), or stop.
/// </summary>
internal sealed class GatewayShard(
    int shardId,
    int shardCount,
    Uri gatewayUrl,
    DiscordOptions options,
    IdentifyLimiter identifyLimiter,
    InteractionDispatcher dispatcher,
    TimeProvider time,
    GatewayJitter jitter,
    ILogger logger,
    Diagnostics.DiscordMetrics? metrics = null,
    Diagnostics.DiscordReachability? reachability = null)
{
    // A resume that keeps failing is given up for a new session after this many tries, rather than looping.
    internal const int MaxResumeAttempts = 3;

    private string? _sessionId;
    private Uri? _resumeUrl;
    private volatile int _hasSequence;
    private int _sequence;

    private enum Next
    {
        Resume,
        Identify,
    }

    /// <summary>Runs until cancelled; throws <see cref="GatewayFatalException"/> when a configuration change is needed.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var failedResumes = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var resuming = _sessionId is not null && _resumeUrl is not null;
            if (!resuming)
            {
                await identifyLimiter.WaitAsync(shardId, cancellationToken);
            }

            var outcome = await RunConnectionAsync(resuming, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (outcome.Fatal is { } fatal)
            {
                throw new GatewayFatalException(fatal);
            }

            failures = outcome.Established ? 0 : failures + 1;
            if (resuming && !outcome.Established)
            {
                failedResumes++;
                if (failedResumes >= MaxResumeAttempts && outcome.Next == Next.Resume)
                {
                    GatewayLog.ResumeGivenUp(logger, shardId, failedResumes);
                    outcome = outcome with { Next = Next.Identify };
                }
            }
            else if (outcome.Established)
            {
                failedResumes = 0;
            }

            if (outcome.Next == Next.Identify)
            {
                // The old session is gone: forget it, so the next IDENTIFY goes to the discovered URL, not resume_gateway_url.
                ForgetSession();
                failedResumes = 0;
            }

            var delay = outcome.Wait ?? ReconnectBackoff.Delay(failures, jitter);
            GatewayLog.Closed(logger, shardId, outcome.CloseCode, outcome.Next == Next.Resume ? "resuming" : "identifying", delay);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private void ForgetSession()
    {
        _sessionId = null;
        _resumeUrl = null;
        _hasSequence = 0;
    }

    private int? Sequence => _hasSequence == 1 ? Volatile.Read(ref _sequence) : null;

    private async Task<Outcome> RunConnectionAsync(bool resuming, CancellationToken cancellationToken)
    {
        var url = WithQuery(resuming ? _resumeUrl! : gatewayUrl);
        GatewayLog.Connecting(logger, shardId, url.GetLeftPart(UriPartial.Path), resuming ? "resume" : "identify");
        metrics?.Connecting(resuming ? "resume" : "identify");
        GatewayConnection connection;
        try
        {
            connection = await GatewayConnection.ConnectAsync(url, cancellationToken, time, jitter, () => Sequence, logger, shardId);
        }
        catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or HttpRequestException or IOException)
        {
            return new Outcome(resuming ? Next.Resume : Next.Identify, null, false, null);
        }

        await using (connection)
        {
            var established = false;
            try
            {
                var outcome = await ReceiveLoopAsync(connection, resuming, () =>
                {
                    if (!established)
                    {
                        established = true;
                        reachability?.ShardReady();
                    }
                }, cancellationToken);
                metrics?.Closed(outcome.CloseCode);
                return outcome;
            }
            catch (Exception e)
            {
                // A frame we could not read, or a send cut short by the connection ending: this connection is done, the session is not.
                if (!cancellationToken.IsCancellationRequested)
                {
                    GatewayLog.ConnectionFailed(logger, e, shardId);
                }

                metrics?.Closed(null);

                return new Outcome(Next.Resume, null, established, null);
            }
            finally
            {
                if (established)
                {
                    reachability?.ShardLost();
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    await connection.CloseForShutdownAsync();
                    GatewayLog.ClosedForShutdown(logger, shardId);
                }
            }
        }
    }

    private async Task<Outcome> ReceiveLoopAsync(GatewayConnection connection, bool resuming, Action markEstablished, CancellationToken cancellationToken)
    {
        var established = false;
        while (true)
        {
            var (payload, closeCode) = await connection.ReceiveAsync();
            if (payload is null)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return new Outcome(Next.Resume, null, established, closeCode);
                }

                var action = connection.ZombieDetected ? GatewayCloseAction.Resume : GatewayCloseCodes.For(closeCode);
                return new Outcome(action.CanResume ? Next.Resume : Next.Identify, null, established, closeCode) { Fatal = action.FatalMessage };
            }

            switch (payload.Op)
            {
                case 10:
                    var hello = payload.D.Deserialize(DiscordJsonContext.Default.JsonHello)!;
                    connection.StartHeartbeat(TimeSpan.FromMilliseconds(hello.HeartbeatInterval));
                    if (resuming)
                    {
                        await connection.SendAsync(6, new JsonResume(options.Token, _sessionId!, Sequence ?? 0), DiscordJsonContext.Default.JsonResume);
                    }
                    else
                    {
                        await connection.SendAsync(2, new JsonIdentify(
                            options.Token,
                            (int)options.Intents,
                            new JsonIdentifyProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "backgroundbot", "backgroundbot"),
                            [shardId, shardCount]), DiscordJsonContext.Default.JsonIdentify);
                    }

                    break;
                case 11:
                    connection.Acknowledged();
                    break;
                case 1:
                    await connection.HeartbeatNowAsync();
                    break;
                case 7:
                    GatewayLog.ReconnectRequested(logger, shardId);
                    await connection.CloseAsync(GatewayConnection.ResumableClose);
                    await connection.DrainAsync();
                    // Established only if this connection got READY or RESUMED: a RECONNECT answering every resume must still
                    // run into the resume limit rather than loop.
                    return new Outcome(Next.Resume, TimeSpan.Zero, established, null);
                case 9:
                    var resumable = payload.D.ValueKind == JsonValueKind.True;
                    GatewayLog.InvalidSession(logger, shardId, resumable);
                    await connection.CloseAsync(GatewayConnection.ResumableClose);
                    await connection.DrainAsync();
                    // https://discord.com/developers/docs/events/gateway-events#invalid-session: wait 1 to 5 seconds, then resume or
                    // identify as d says. An INVALID SESSION answering a RESUME counts as a failed resume, so it cannot loop.
                    return new Outcome(resumable ? Next.Resume : Next.Identify, ReconnectBackoff.InvalidSession(jitter), established, null);
                case 0:
                    if (payload.S is { } s)
                    {
                        Volatile.Write(ref _sequence, s);
                        _hasSequence = 1;
                    }

                    switch (payload.T)
                    {
                        case "READY":
                            var ready = payload.D.Deserialize(DiscordJsonContext.Default.JsonReady)!;
                            _sessionId = ready.SessionId;
                            _resumeUrl = new Uri(ready.ResumeGatewayUrl);
                            established = true;
                            markEstablished();
                            metrics?.Session("ready");
                            GatewayLog.Ready(logger, shardId, ready.SessionId);
                            break;
                        case "RESUMED":
                            established = true;
                            markEstablished();
                            metrics?.Session("resumed");
                            GatewayLog.Resumed(logger, shardId, Sequence);
                            break;
                        case "INTERACTION_CREATE":
                            dispatcher.Enqueue(payload.D);
                            break;
                    }

                    break;
            }
        }
    }

    private static Uri WithQuery(Uri url) => new(url.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/?v=10&encoding=json");

    private sealed record Outcome(Next Next, TimeSpan? Wait, bool Established, int? CloseCode)
    {
        public string? Fatal { get; init; }
    }
}
