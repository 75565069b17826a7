using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using Microsoft.AspNetCore.Http;

namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>
/// The fake's WebSocket gateway (v10, JSON): HELLO, IDENTIFY/READY, RESUME with replay, heartbeats, and faults on command
/// (close with any code, stop acknowledging heartbeats, RECONNECT, INVALID SESSION, abrupt drops, failing resumes).
/// </summary>
public sealed class FakeGateway(FakeDiscordServer server) : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedFrame> _frames = new();
    private readonly List<FakeConnection> _connections = [];
    private readonly ConcurrentDictionary<string, FakeSession> _sessions = new();
    private readonly List<(Func<ReceivedFrame, bool> Match, int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _connectionWaiters = [];
    private readonly List<(int Connection, TaskCompletionSource Signal)> _liveWaiters = [];
    private readonly object _lock = new();
    private FakeSession? _current;

    public int HeartbeatIntervalMs { get; set; } = 600_000;

    public bool AckHeartbeats { get; set; } = true;

    /// <summary>The next this many RESUMEs are answered by dropping the connection.</summary>
    public int FailNextResumes { get; set; }

    /// <summary>When set, an IDENTIFY is answered by closing with this code (4004 bad token, 4014 disallowed intents...).</summary>
    public int? CloseOnIdentify { get; set; }

    public IReadOnlyList<ReceivedFrame> Frames => [.. _frames];

    public IReadOnlyList<ReceivedFrame> FramesWithOp(int op) => _frames.Where(f => f.Op == op).ToList();

    public int Identifies => FramesWithOp(2).Count;

    public int Resumes => FramesWithOp(6).Count;

    public IReadOnlyList<FakeConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    public FakeConnection? Current
    {
        get
        {
            lock (_lock)
            {
                return _connections.LastOrDefault();
            }
        }
    }

    public FakeSession? CurrentSession => _current;

    public Task WaitForFramesAsync(int op, int count) => WaitForFramesAsync(f => f.Op == op, count);

    public Task WaitForFramesAsync(Func<ReceivedFrame, bool> match, int count)
    {
        lock (_lock)
        {
            if (_frames.Count(match) >= count)
            {
                return Task.CompletedTask;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, tcs));
            return tcs.Task.WaitAsync(TestTimeouts.Signal);
        }
    }

    /// <summary>Completes when the bot has opened <paramref name="count"/> connections in all.</summary>
    public Task WaitForConnectionsAsync(int count)
    {
        lock (_lock)
        {
            if (_connections.Count >= count)
            {
                return Task.CompletedTask;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connectionWaiters.Add((count, tcs));
            return tcs.Task.WaitAsync(TestTimeouts.Signal);
        }
    }

    /// <summary>Completes when a session is live (READY or RESUMED sent) on connection number <paramref name="connection"/> or later.</summary>
    public Task WaitForLiveAsync(int connection)
    {
        lock (_lock)
        {
            if (_connections.Any(c => c.Number >= connection && c.Live))
            {
                return Task.CompletedTask;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _liveWaiters.Add((connection, tcs));
            return tcs.Task.WaitAsync(TestTimeouts.Signal);
        }
    }

    private void SetLive(FakeConnection conn)
    {
        List<TaskCompletionSource> done = [];
        lock (_lock)
        {
            conn.Live = true;
            foreach (var w in _liveWaiters.Where(w => conn.Number >= w.Connection).ToList())
            {
                _liveWaiters.Remove(w);
                done.Add(w.Signal);
            }
        }

        done.ForEach(d => d.TrySetResult());
    }

    /// <summary>Sends an event on the current session: live if connected, else kept for a RESUME to replay.</summary>
    public async Task DispatchAsync(string type, JsonNode data)
    {
        FakeSession session;
        int seq;
        lock (_lock)
        {
            session = _current ?? throw new InvalidOperationException("no session");
            seq = ++session.Seq;
            session.Events.Add((seq, type, data));
        }

        var conn = Current;
        if (conn is { Live: true } && conn.Session == session)
        {
            await SendAsync(conn, new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = seq, ["d"] = data.DeepClone() });
        }
    }

    /// <summary>Closes the current connection with <paramref name="code"/>. 4007 and 4009 also end the session, as Discord does.</summary>
    public async Task CloseAsync(int code)
    {
        var conn = Current ?? throw new InvalidOperationException("no connection");
        conn.Live = false;
        if (code is 4007 or 4009 && conn.Session is { } s)
        {
            s.Valid = false;
        }

        await conn.SendLock.WaitAsync();
        try
        {
            await conn.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake", CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            conn.SendLock.Release();
        }
    }

    /// <summary>Drops the current connection without a close frame (a network failure).</summary>
    public void Drop()
    {
        var conn = Current ?? throw new InvalidOperationException("no connection");
        conn.Live = false;
        conn.Context.Abort();
    }

    public Task SendReconnectAsync() => SendAsync(Current!, new JsonObject { ["op"] = 7, ["d"] = null });

    public Task SendInvalidSessionAsync(bool resumable)
    {
        var conn = Current!;
        if (!resumable && conn.Session is { } s)
        {
            s.Valid = false;
        }

        conn.Live = false;
        return SendAsync(conn, new JsonObject { ["op"] = 9, ["d"] = resumable });
    }

    /// <summary>
    /// A barrier: asks for a heartbeat and waits for one carrying the session's current sequence, which proves the bot has read
    /// everything sent so far (READY included). Needed before an out-of-band fault such as <see cref="Drop"/>, which could
    /// otherwise cut off a READY the fake sent but the bot has not read.
    /// </summary>
    public async Task SyncAsync()
    {
        var conn = Current!;
        var seq = conn.Session!.Seq;
        await RequestHeartbeatAsync();
        await WaitForFramesAsync(f => f.Connection == conn.Number && f.Op == 1 && f.D is not null && (int)f.D >= seq, 1);
    }

    public Task RequestHeartbeatAsync() => SendAsync(Current!, new JsonObject { ["op"] = 1, ["d"] = null });

    internal async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        FakeConnection conn;
        List<TaskCompletionSource> opened = [];
        lock (_lock)
        {
            conn = new FakeConnection(_connections.Count + 1, context.Request.Path + context.Request.QueryString, socket, context);
            _connections.Add(conn);
            foreach (var w in _connectionWaiters.Where(w => _connections.Count >= w.Count).ToList())
            {
                _connectionWaiters.Remove(w);
                opened.Add(w.Signal);
            }
        }

        opened.ForEach(o => o.TrySetResult());
        try
        {
            await SendAsync(conn, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
            var buffer = new byte[16 * 1024];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    conn.ClientCloseStatus = result.CloseStatus;
                    conn.Live = false;
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }

                    break;
                }

                await OnFrameAsync(conn, message.ToArray());
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ended under us: that is what faults are for.
        }
        finally
        {
            conn.Live = false;
            conn.Ended.TrySetResult();
        }
    }

    private async Task OnFrameAsync(FakeConnection conn, byte[] bytes)
    {
        var node = JsonNode.Parse(bytes)!;
        var op = node["op"]!.GetValue<int>();
        var d = node["d"];
        Record(new ReceivedFrame(conn.Number, op, d?.DeepClone(), bytes.Length));
        switch (op)
        {
            case 1:
                if (AckHeartbeats)
                {
                    await SendAsync(conn, new JsonObject { ["op"] = 11 });
                }

                break;
            case 2:
                if (CloseOnIdentify is { } code)
                {
                    await conn.Socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake", CancellationToken.None);
                    return;
                }

                FakeSession session;
                lock (_lock)
                {
                    session = new FakeSession("session-" + server.NextId());
                    _sessions[session.Id] = session;
                    _current = session;
                    conn.Session = session;
                }

                await SendAsync(conn, new JsonObject
                {
                    ["op"] = 0,
                    ["t"] = "READY",
                    ["s"] = ++session.Seq,
                    ["d"] = new JsonObject
                    {
                        ["v"] = 10,
                        ["session_id"] = session.Id,
                        ["resume_gateway_url"] = new Uri(server.BaseAddress, "/resume-gateway").AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal),
                        ["user"] = new JsonObject { ["id"] = "42", ["username"] = "backgroundbot", ["global_name"] = null },
                        ["guilds"] = new JsonArray(),
                        ["shard"] = d?["shard"]?.DeepClone(),
                        ["application"] = new JsonObject { ["id"] = "1000", ["flags"] = 0 },
                    },
                });
                SetLive(conn);
                break;
            case 6:
                if (FailNextResumes > 0)
                {
                    FailNextResumes--;
                    conn.Live = false;
                    conn.Context.Abort();
                    return;
                }

                var id = d!["session_id"]!.GetValue<string>();
                var seq = d["seq"]!.GetValue<int>();
                if (!_sessions.TryGetValue(id, out var resumed) || !resumed.Valid)
                {
                    await SendAsync(conn, new JsonObject { ["op"] = 9, ["d"] = false });
                    return;
                }

                List<(int Seq, string Type, JsonNode Data)> missed;
                lock (_lock)
                {
                    conn.Session = resumed;
                    _current = resumed;
                    missed = resumed.Events.Where(e => e.Seq > seq).ToList();
                }

                foreach (var e in missed)
                {
                    await SendAsync(conn, new JsonObject { ["op"] = 0, ["t"] = e.Type, ["s"] = e.Seq, ["d"] = e.Data.DeepClone() });
                }

                int resumedSeq;
                lock (_lock)
                {
                    resumedSeq = ++resumed.Seq;
                }

                await SendAsync(conn, new JsonObject { ["op"] = 0, ["t"] = "RESUMED", ["s"] = resumedSeq, ["d"] = new JsonObject() });
                SetLive(conn);
                break;
        }
    }

    private void Record(ReceivedFrame frame)
    {
        List<TaskCompletionSource> done = [];
        lock (_lock)
        {
            _frames.Enqueue(frame);
            foreach (var w in _waiters.ToList())
            {
                if (_frames.Count(w.Match) >= w.Count)
                {
                    _waiters.Remove(w);
                    done.Add(w.Signal);
                }
            }
        }

        done.ForEach(d => d.TrySetResult());
    }

    private static async Task SendAsync(FakeConnection conn, JsonObject payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await conn.SendLock.WaitAsync();
        try
        {
            if (conn.Socket.State == WebSocketState.Open)
            {
                await conn.Socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            conn.SendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in Connections.Where(c => !c.Ended.Task.IsCompleted))
        {
            try
            {
                c.Context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // Ended meanwhile.
            }
        }

        await Task.WhenAll(Connections.Select(c => c.Ended.Task.WaitAsync(TestTimeouts.Signal)));
    }
}
