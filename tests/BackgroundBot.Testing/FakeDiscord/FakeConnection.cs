using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>One WebSocket connection the bot opened to the fake gateway.</summary>
public sealed class FakeConnection(int number, string pathAndQuery, WebSocket socket, HttpContext context)
{
    public int Number { get; } = number;
    public string PathAndQuery { get; } = pathAndQuery;
    internal WebSocket Socket { get; } = socket;
    internal HttpContext Context { get; } = context;
    internal SemaphoreSlim SendLock { get; } = new(1, 1);
    public FakeSession? Session { get; internal set; }

    /// <summary>True once READY or RESUMED was sent on it: dispatches go out live.</summary>
    public bool Live { get; internal set; }

    /// <summary>The close code the bot closed with, when it closed the connection itself.</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get; internal set; }

    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
