using System.Net.WebSockets;
using System.Text.Json;
using BackgroundBot.Discord.Json;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// One WebSocket connection and everything that lives and dies with it: the socket, its send limiter, its heartbeat loop and a
/// cancellation token. Because the heartbeat loop belongs to the connection (as in NetCord's WebSocketClient), an old loop can
/// never write to a new socket: disposing the connection cancels it.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    // https://discord.com/developers/docs/events/gateway#sending-events
    public const int MaxPayloadBytes = 4096;

    // Any close code but 1000 and 1001 keeps the session resumable on Discord's side.
    public const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;

    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _cts;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly GatewayJitter _jitter;
    private readonly Func<int?> _sequence;
    private readonly ILogger _logger;
    private readonly int _shardId;
    private Task _heartbeat = Task.CompletedTask;
    private volatile bool _awaitingAck;

    private GatewayConnection(ClientWebSocket socket, CancellationToken shardToken, TimeProvider time, GatewayJitter jitter, Func<int?> sequence, ILogger logger, int shardId)
    {
        _socket = socket;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(shardToken);
        _limiter = new GatewaySendLimiter(time);
        _time = time;
        _jitter = jitter;
        _sequence = sequence;
        _logger = logger;
        _shardId = shardId;
    }

    /// <summary>True when the connection was closed because a heartbeat went unacknowledged.</summary>
    public bool ZombieDetected { get; private set; }

    public CancellationToken Token => _cts.Token;

    public static async Task<GatewayConnection> ConnectAsync(Uri url, CancellationToken shardToken, TimeProvider time, GatewayJitter jitter, Func<int?> sequence, ILogger logger, int shardId)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await socket.ConnectAsync(url, shardToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new GatewayConnection(socket, shardToken, time, jitter, sequence, logger, shardId);
    }

    /// <summary>Starts heartbeating: the first after <c>interval * jitter</c>, then every interval.</summary>
    public void StartHeartbeat(TimeSpan interval) => _heartbeat = HeartbeatLoopAsync(interval, _cts.Token);

    public void Acknowledged() => _awaitingAck = false;

    /// <summary>Answers a heartbeat Discord asked for, at once.</summary>
    public Task HeartbeatNowAsync() => SendAsync(1, SequenceElement(), heartbeat: true);

    public Task SendAsync<T>(int op, T data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        SendAsync(op, JsonSerializer.SerializeToElement(data, type), heartbeat: false);

    public async Task SendAsync(int op, JsonElement data, bool heartbeat)
    {
        var bytes = Encode(op, data);

        await _limiter.WaitAsync(heartbeat, _cts.Token);
        await _sendLock.WaitAsync(_cts.Token);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _cts.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Serializes a payload, refusing one over Discord's 4096-byte limit (Discord would close the connection with 4002).</summary>
    internal static byte[] Encode(int op, JsonElement data)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new JsonGatewayCommand(op, data), DiscordJsonContext.Default.JsonGatewayCommand);
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"A gateway payload (op {op}) of {bytes.Length} bytes exceeds Discord's {MaxPayloadBytes}-byte limit.");
        }

        return bytes;
    }

    /// <summary>On shutdown: close with 1000 so Discord ends the session now instead of waiting for it to time out.</summary>
    public async Task CloseForShutdownAsync()
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Gone already.
        }
    }

    /// <summary>The next payload, or null with the close code (null for an abrupt drop) when the connection ended.</summary>
    public async Task<(JsonGatewayPayload? Payload, int? CloseCode)> ReceiveAsync()
    {
        var buffer = new byte[8 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer, _cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (null, (int?)result.CloseStatus);
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            return (null, null);
        }

        return (JsonSerializer.Deserialize(message.GetBuffer().AsSpan(0, (int)message.Length), DiscordJsonContext.Default.JsonGatewayPayload), null);
    }

    /// <summary>
    /// Closes the connection; with any code but 1000/1001 Discord keeps the session for a resume. The receive side keeps reading
    /// until Discord answers the close (so the close frame is not lost to an abort), for at most <see cref="CloseGrace"/>.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(status, "reconnecting", _cts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Already gone; nothing to tell Discord.
        }

        _ = CancelAfterGraceAsync();
    }

    /// <summary>Reads and discards until the connection has ended: events after a close are replayed by the resume.</summary>
    public async Task DrainAsync()
    {
        while ((await ReceiveAsync()).Payload is not null)
        {
        }
    }

    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private async Task CancelAfterGraceAsync()
    {
        try
        {
            await Task.Delay(CloseGrace, _time, _cts.Token);
            await _cts.CancelAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended first.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        try
        {
            await _heartbeat;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Abort();
        _socket.Dispose();
        _cts.Dispose();
    }

    private JsonElement SequenceElement() => _sequence() is { } s ? JsonSerializer.SerializeToElement(s, DiscordJsonContext.Default.Int32) : Null;

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            // https://discord.com/developers/docs/events/gateway#sending-heartbeats: jitter the first, so reconnecting bots spread out.
            await Task.Delay(interval * _jitter.Next(), _time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_awaitingAck)
                {
                    // No ACK since the last heartbeat: the connection is a zombie (Discord.Net's rule). Close so it can be resumed.
                    GatewayLog.Zombie(_logger, _shardId, interval);
                    ZombieDetected = true;
                    await CloseAsync(ResumableClose);
                    return;
                }

                _awaitingAck = true;
                await SendAsync(1, SequenceElement(), heartbeat: true);
                await Task.Delay(interval, _time, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The connection ended; the shard decides what happens next.
        }
    }
}
