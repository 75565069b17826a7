using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Tests.ScriptedOpenAi;

/// <summary>
/// An OpenAI-compatible server on loopback (Kestrel) that answers chat and embedding requests from a script, and
/// records every request, so tests drive Semantic Kernel's real OpenAI connector end to end.
/// </summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    private readonly ConcurrentQueue<TaskCompletionSource<JsonNode>> _waiters = new();
    private readonly List<JsonNode> _requests = [];
    private readonly Lock _gate = new();

    private ScriptedOpenAiServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Turns text into a vector for the embeddings endpoint; by default a bag of hashed words.</summary>
    public Func<string, float[]> Embed { get; set; } = DefaultEmbedding;

    public IReadOnlyList<JsonNode> ChatRequests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public int EmbeddingCalls { get; private set; }

    public static async Task<ScriptedOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/v1/embeddings", server.EmbeddingsAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address + "/v1");
        return server;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>Completes when the next chat request arrives (or at once with the n-th, if it already did).</summary>
    public Task<JsonNode> ChatRequestAsync(int number)
    {
        lock (_gate)
        {
            if (_requests.Count >= number)
            {
                return Task.FromResult(_requests[number - 1]);
            }

            var waiter = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            return waiter.Task;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task ChatAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!;
        lock (_gate)
        {
            _requests.Add(request);
            while (_waiters.TryDequeue(out var waiter))
            {
                waiter.TrySetResult(request);
            }
        }

        if (!_replies.TryDequeue(out var reply))
        {
            reply = ScriptedReply.Error(500);
        }

        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = reply.Status;
        if (reply.RawBody is not null)
        {
            context.Response.ContentType = reply.Status == 200 ? "text/event-stream" : "application/json";
            await context.Response.WriteAsync(reply.RawBody);
            return;
        }

        var model = request["model"]?.GetValue<string>() ?? "scripted";
        var text = reply.Compose?.Invoke(request) ?? reply.Text!;
        if (request["stream"]?.GetValue<bool>() != true)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(CompletionJson(model, text));
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var chunks = Chunk(text);
        for (var i = 0; i < chunks.Count; i++)
        {
            await context.Response.WriteAsync($"data: {ChunkJson(model, chunks[i], finish: false)}\n\n");
            await context.Response.Body.FlushAsync();
            if (i == 0 && reply.HoldAfterFirstChunk is { } hold)
            {
                await hold;
            }
        }

        await context.Response.WriteAsync($"data: {ChunkJson(model, "", finish: true)}\n\ndata: [DONE]\n\n");
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!;
        EmbeddingCalls++;
        var inputs = request["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [request["input"]!.GetValue<string>()];
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = new JsonArray(Embed(inputs[i]).Select(v => (JsonNode)v).ToArray()) });
        }

        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = request["model"]?.GetValue<string>() ?? "scripted-embeddings",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static List<string> Chunk(string text)
    {
        var chunks = new List<string>();
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i += 3)
        {
            chunks.Add(string.Join(' ', words.Skip(i).Take(3)) + (i + 3 < words.Length ? " " : ""));
        }

        return chunks;
    }

    private static string ChunkJson(string model, string content, bool finish) => new JsonObject
    {
        ["id"] = "chatcmpl-scripted",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = finish ? new JsonObject() : new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finish ? "stop" : null,
        }),
    }.ToJsonString();

    private static string CompletionJson(string model, string content) => new JsonObject
    {
        ["id"] = "chatcmpl-scripted",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
    }.ToJsonString();

    private static float[] DefaultEmbedding(string text)
    {
        var vector = new float[64];
        foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            vector[(int)((uint)string.GetHashCode(word.Trim('.', ',', '?'), StringComparison.Ordinal) % 64)] += 1;
        }

        return vector;
    }
}
