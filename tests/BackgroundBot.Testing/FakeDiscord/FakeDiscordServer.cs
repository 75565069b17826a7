using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackgroundBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>
/// An in-process Kestrel server playing Discord on 127.0.0.1: the REST routes the bot uses under <c>/api/v10</c> and a WebSocket
/// gateway (<see cref="Gateway"/>). It records every request and can inject faults on command.
/// </summary>
public sealed class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(string Method, string PathContains, RestFault Fault, int Times)> _faults = [];
    private readonly List<(string Method, string PathContains, Dictionary<string, string> Headers)> _routeHeaders = [];
    private readonly List<(Func<RecordedRequest, bool> Match, int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly ConcurrentDictionary<string, JsonArray> _commands = new();
    private int _index;
    private long _nextId = 900_000_000_000_000_000;

    private FakeDiscordServer(WebApplication app)
    {
        _app = app;
        Gateway = new FakeGateway(this);
        Messages = new FakeMessages(NextId);
    }

    /// <summary>The gateway side: connections, sessions, faults.</summary>
    public FakeGateway Gateway { get; }

    /// <summary>The messages as Discord holds them after everything the bot sent: what members see.</summary>
    public FakeMessages Messages { get; }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the bot's <c>Discord:ApiBaseUrl</c> points at.</summary>
    private readonly ConcurrentDictionary<string, byte[]> _attachments = new();

    public Uri ApiBaseUrl => new(BaseAddress, "/api/v10");

    /// <summary>How many IDENTIFYs the session-start budget allows (<c>session_start_limit.remaining</c>).</summary>
    public int SessionStartRemaining { get; set; } = 1000;

    /// <summary>Shard count GET /gateway/bot recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests.OrderBy(r => r.Index)];

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string pathContains) =>
        Requests.Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal)).ToList();

    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free one.</param>
    public static async Task<FakeDiscordServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeDiscordServer(app);
        app.UseWebSockets();
        app.Map("/gateway", server.Gateway.AcceptAsync);
        app.Map("/resume-gateway", server.Gateway.AcceptAsync);
        app.Map("/api/v10/{**rest}", server.HandleRestAsync);
        app.MapGet("/attachments/{name}", (string name) => server._attachments.TryGetValue(name, out var bytes)
            ? Results.Bytes(bytes, "application/octet-stream")
            : Results.NotFound());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests matching get <paramref name="fault"/> instead of an answer.</summary>
    public void InjectFault(string method, string pathContains, RestFault fault, int times = 1)
    {
        lock (_faults)
        {
            _faults.Add((method, pathContains, fault, times));
        }
    }

    /// <summary>Successful answers on matching routes carry these headers (e.g. <c>X-RateLimit-*</c>).</summary>
    public void SetRouteHeaders(string method, string pathContains, Dictionary<string, string> headers)
    {
        lock (_routeHeaders)
        {
            _routeHeaders.Add((method, pathContains, headers));
        }
    }

    /// <summary>Completes once <paramref name="count"/> recorded requests match.</summary>
    public Task WaitForRequestsAsync(Func<RecordedRequest, bool> match, int count = 1)
    {
        lock (_waiters)
        {
            if (_requests.Count(match) >= count)
            {
                return Task.CompletedTask;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, tcs));
            return tcs.Task.WaitAsync(TestTimeouts.Signal);
        }
    }

    public Task WaitForRequestsAsync(string method, string pathContains, int count = 1) =>
        WaitForRequestsAsync(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal), count);

    /// <summary>Seeds the registered commands of a scope (<c>global</c> or a guild id), as if registered earlier.</summary>
    /// <summary>Serves a file as Discord's CDN would serve an attachment; returns its URL.</summary>
    public Uri ServeAttachment(string name, byte[] content)
    {
        _attachments[name] = content;
        return new Uri(BaseAddress, "/attachments/" + Uri.EscapeDataString(name));
    }

    public void SeedCommands(string scope, JsonArray commands) => _commands[scope] = commands;

    public JsonArray CommandsOf(string scope) => _commands.TryGetValue(scope, out var a) ? a : [];

    internal string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>While true, every REST request's connection is cut before an answer, as when Discord (or the network) is down.</summary>
    public bool Unreachable { get; set; }

    private async Task HandleRestAsync(HttpContext context)
    {
        if (Unreachable)
        {
            context.Abort();
            return;
        }

        var request = context.Request;
        var path = "/" + (string?)context.GetRouteValue("rest");
        var (body, files) = await ReadBodyAsync(request);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var fault = TakeFault(request.Method, path);
        if (fault?.HoldUntil is { } hold)
        {
            // Recorded on arrival with status 0 (still held), and again when answered.
            Record(request.Method, path, headers, body, files, 0);
            await hold.Task.WaitAsync(TestTimeouts.Signal);
            fault = TakeFault(request.Method, path);
        }

        if (fault is { Status: > 0 } f)
        {
            if (f.AfterProcessing)
            {
                // Discord did the work; only its answer is lost.
                Serve(request.Method, path, body, files);
            }

            Record(request.Method, path, headers, body, files, f.Status);
            context.Response.StatusCode = f.Status;
            if (f.Status == 429)
            {
                if (f.Global)
                {
                    context.Response.Headers["X-RateLimit-Global"] = "true";
                }

                context.Response.Headers["X-RateLimit-Scope"] = f.Scope ?? "user";
                context.Response.Headers["Retry-After"] = Math.Ceiling(f.RetryAfter).ToString(CultureInfo.InvariantCulture);
                await context.Response.WriteAsJsonAsync(new JsonObject
                {
                    ["message"] = "You are being rate limited.",
                    ["retry_after"] = f.RetryAfter,
                    ["global"] = f.Global,
                });
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "fault", ["code"] = 0 });
            }

            return;
        }

        lock (_routeHeaders)
        {
            foreach (var (m, contains, h) in _routeHeaders.Where(r => r.Method == request.Method && path.Contains(r.PathContains, StringComparison.Ordinal)))
            {
                foreach (var (k, v) in h)
                {
                    context.Response.Headers[k] = v;
                }
            }
        }

        var (status, answer) = Serve(request.Method, path, body, files);
        Record(request.Method, path, headers, body, files, status);
        context.Response.StatusCode = status;
        if (answer is not null)
        {
            await context.Response.WriteAsJsonAsync(answer);
        }
    }

    // A message with files is multipart/form-data: the JSON body in payload_json, each file in a files[n] part
    // (https://discord.com/developers/docs/reference#uploading-files).
    private async Task<(string Body, IReadOnlyList<FakeAttachment> Files)> ReadBodyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return (await reader.ReadToEndAsync(), []);
        }

        var form = await request.ReadFormAsync();
        var files = new List<FakeAttachment>();
        foreach (var file in form.Files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content);
            files.Add(new FakeAttachment(NextId(), file.FileName, file.ContentType, content.ToArray()));
        }

        return (form["payload_json"].ToString(), files);
    }

    private (int Status, JsonNode? Body) Serve(string method, string path, string body, IReadOnlyList<FakeAttachment> files)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var json = body.Length == 0 ? null : JsonNode.Parse(body);
        switch (method, parts)
        {
            case ("GET", ["gateway", "bot"]):
                return (200, new JsonObject
                {
                    ["url"] = new Uri(BaseAddress, "/gateway").AbsoluteUri.Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/'),
                    ["shards"] = RecommendedShards,
                    ["session_start_limit"] = new JsonObject
                    {
                        ["total"] = 1000,
                        ["remaining"] = SessionStartRemaining,
                        ["reset_after"] = 3_600_000,
                        ["max_concurrency"] = 1,
                    },
                });
            case ("GET", ["applications", _, "commands"]):
                return (200, CommandsOf("global").DeepClone());
            case ("GET", ["applications", _, "guilds", var g, "commands"]):
                return (200, CommandsOf(g).DeepClone());
            case ("PUT", ["applications", var app, "commands"]):
                return (200, StoreCommands("global", app, body));
            case ("PUT", ["applications", var app, "guilds", var g, "commands"]):
                return (200, StoreCommands(g, app, body));
            case ("POST", ["interactions", var interaction, var token, "callback"]):
                return Messages.Callback(interaction, Uri.UnescapeDataString(token), json, files);
            case ("POST", ["webhooks", _, var token]):
                return Messages.CreateFollowUp(Uri.UnescapeDataString(token), json, files);
            case ("GET", ["webhooks", _, var token, "messages", "@original"]):
                return Messages.GetOriginal(Uri.UnescapeDataString(token));
            case ("PATCH", ["webhooks", _, var token, "messages", var message]):
                return Messages.EditWebhookMessage(Uri.UnescapeDataString(token), message, json, files);
            case ("DELETE", ["webhooks", _, var token, "messages", "@original"]):
                return Messages.DeleteOriginal(Uri.UnescapeDataString(token));
            case ("POST", ["channels", var channel, "messages"]):
                return Messages.CreateInChannel(channel, json, files);
            case ("PATCH", ["channels", var channel, "messages", var message]):
                return Messages.EditInChannel(channel, message, json, files);
            case ("POST", ["users", "@me", "channels"]):
                return (200, new JsonObject { ["id"] = "9" + json?["recipient_id"]?.GetValue<string>(), ["type"] = 1 });
            case ("POST", ["channels", var parent, "messages", var message, "threads"]):
                return Messages.StartThread(parent, message, json);
            default:
                return (404, new JsonObject { ["message"] = "404: Not Found", ["code"] = 0 });
        }
    }

    private JsonArray StoreCommands(string scope, string app, string body)
    {
        // Discord answers with the commands as it stores them: ids, versions, and permissions as strings.
        var sent = JsonNode.Parse(body)!.AsArray();
        var stored = new JsonArray();
        foreach (var c in sent)
        {
            var copy = c!.DeepClone().AsObject();
            copy["id"] = NextId();
            copy["application_id"] = app;
            copy["version"] = NextId();
            copy["type"] ??= 1;
            if (copy["default_member_permissions"] is JsonValue p && p.GetValueKind() == JsonValueKind.Number)
            {
                copy["default_member_permissions"] = p.ToJsonString();
            }

            stored.Add(copy);
        }

        _commands[scope] = stored;
        return (JsonArray)stored.DeepClone();
    }

    private RestFault? TakeFault(string method, string path)
    {
        lock (_faults)
        {
            var i = _faults.FindIndex(f => f.Method == method && path.Contains(f.PathContains, StringComparison.Ordinal));
            if (i < 0)
            {
                return null;
            }

            var f = _faults[i];
            if (f.Times <= 1)
            {
                _faults.RemoveAt(i);
            }
            else
            {
                _faults[i] = f with { Times = f.Times - 1 };
            }

            return f.Fault;
        }
    }

    private void Record(string method, string path, Dictionary<string, string> headers, string body, IReadOnlyList<FakeAttachment> files, int status)
    {
        _requests.Enqueue(new RecordedRequest(Interlocked.Increment(ref _index), method, path, headers, body, status) { Files = files });
        List<TaskCompletionSource> done = [];
        lock (_waiters)
        {
            foreach (var w in _waiters.ToList())
            {
                if (_requests.Count(w.Match) >= w.Count)
                {
                    _waiters.Remove(w);
                    done.Add(w.Signal);
                }
            }
        }

        foreach (var d in done)
        {
            d.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
