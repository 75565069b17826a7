using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Globalization;
using BackgroundBot.Discord.Diagnostics;
using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace BackgroundBot.Discord.Rest;

/// <summary>
/// Discord REST v10 (<see href="https://discord.com/developers/docs/reference"/>): bot authorization, Discord's User-Agent form,
/// per-route and global rate limits read from the response headers, 429s waited out and retried, and a stop before the
/// invalid-request limit earns an IP ban. Each message is delivered once: after a 5xx or a lost answer, which Discord may
/// already have acted on, only requests that cannot do their work twice are sent again (reads, edits, deletes, channel
/// messages carrying an enforced nonce); an interaction callback is checked against what Discord holds; any other POST is
/// sent again only when it provably never left. A call returns when Discord accepted it, or throws
/// <see cref="DiscordRestException"/> (or the transport's exception) when it could not be delivered.
/// </summary>
public sealed class DiscordRestClient : IDisposable
{
    // https://discord.com/developers/docs/reference#user-agent
    internal const string UserAgent = "DiscordBot (https://github.com/backgroundbot/backgroundbot, 1.0)";

    // A 429 that keeps coming is a bug on one side or the other; the invalid-request counter stops us long before this.
    private const int MaxRateLimitRetries = 20;

    // How many times an interaction callback is sent when each answer is lost; Discord allows 3 seconds for it anyway.
    private const int MaxCallbackAttempts = 3;

    // https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
    private const int AlreadyAcknowledged = 40060;
    private const int ThreadAlreadyCreated = 160004;

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RateLimitManager _rateLimits;
    private readonly ResiliencePipeline<HttpResponseMessage> _serverErrorRetry;
    private readonly string _baseUrl;
    private readonly DiscordMetrics? _metrics;
    private readonly DiscordReachability? _reachability;

    /// <summary>Creates the client without metrics; register it with <c>AddDiscordRest</c> rather than constructing it.</summary>
    public DiscordRestClient(IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
        : this(options, time, logger, null, null)
    {
    }

    /// <summary>Creates the client reporting each request to <paramref name="metrics"/> and <paramref name="reachability"/>.</summary>
    public DiscordRestClient(IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger, DiscordMetrics? metrics, DiscordReachability? reachability)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _reachability = reachability;
        _rateLimits = new RateLimitManager(time);
        InvalidRequests = new InvalidRequestCounter(time, _options.InvalidRequestLimit);
        metrics?.ObserveCache("rest_rate_limit_buckets", () => _rateLimits.BucketCount);
        metrics?.ObserveInvalidRequests(() => InvalidRequests.Count, _options.InvalidRequestLimit);
        _baseUrl = _options.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        _serverErrorRetry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(ShouldResend(args.Outcome.Exception, args.Outcome.Result, args.Context.Properties.GetValue(ResendKey, Resend.OnlyIfUnsent))),
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                OnRetry = args =>
                {
                    var route = args.Context.Properties.GetValue(RouteKey, "?");
                    if (args.Outcome.Result is { } r)
                    {
                        RestLog.Retrying(_logger, route, (int)r.StatusCode, args.AttemptNumber + 1, args.RetryDelay);
                    }
                    else if (args.Outcome.Exception is { } e)
                    {
                        RestLog.RetryingUnreached(_logger, route, NetworkFailure.Describe(e), args.AttemptNumber + 1, args.RetryDelay);
                    }

                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    private static readonly ResiliencePropertyKey<string> RouteKey = new("discord.route");
    private static readonly ResiliencePropertyKey<Resend> ResendKey = new("discord.resend");

    internal InvalidRequestCounter InvalidRequests { get; }

    /// <summary>Entries in the rate-limit bucket cache; idle ones are evicted (tests assert it stays bounded).</summary>
    internal int RateLimitBucketCount => _rateLimits.BucketCount;

    /// <summary>Sends a message to a channel (<see href="https://discord.com/developers/docs/resources/message#create-message"/>); returns its id.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="message">The message; mentions never ping unless it says so.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    public async Task<ulong> CreateMessageAsync(ulong channelId, DiscordMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = WireMapper.Snowflake(channelId);
        // One nonce per message, the same on every attempt: Discord returns the message it already created with it instead of
        // a second one, so a send whose answer was lost can be sent again.
        var body = WireMapper.ToBody(message, allowEphemeral: false) with { Nonce = NewNonce(), EnforceNonce = true };
        var created = await SendAsync(
            new Route(HttpMethod.Post, "/channels/{channel_id}/messages", id),
            $"/channels/{id}/messages",
            body,
            DiscordJsonContext.Default.JsonMessageBody,
            DiscordJsonContext.Default.JsonCreatedMessage,
            Resend.Always,
            cancellationToken,
            message.Files);
        return InteractionMapper.ParseSnowflake(created!.Id);
    }

    internal Task<JsonGatewayBot?> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync<object, JsonGatewayBot>(new Route(HttpMethod.Get, "/gateway/bot", ""), "/gateway/bot", null, null, DiscordJsonContext.Default.JsonGatewayBot, Resend.Always, cancellationToken);

    internal Task<List<JsonApplicationCommand>?> GetCommandsAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        var (route, path) = CommandsRoute(HttpMethod.Get, guildId);
        return SendAsync<object, List<JsonApplicationCommand>>(route, path, null, null, DiscordJsonContext.Default.ListJsonApplicationCommand, Resend.Always, cancellationToken);
    }

    internal Task<List<JsonApplicationCommand>?> BulkOverwriteCommandsAsync(List<JsonApplicationCommand> commands, ulong? guildId, CancellationToken cancellationToken)
    {
        var (route, path) = CommandsRoute(HttpMethod.Put, guildId);
        return SendAsync(route, path, commands, DiscordJsonContext.Default.ListJsonApplicationCommand, DiscordJsonContext.Default.ListJsonApplicationCommand, Resend.Always, cancellationToken);
    }

    /// <summary>
    /// Sends the first response to an interaction (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response"/>).
    /// An interaction is acknowledged once: when an answer is lost (a 5xx, a timeout), Discord may already hold the response, so
    /// the callback is not simply sent again. For a response that creates a message, Discord is asked for it first; only when
    /// it holds none is the callback sent again, and a 40060 ("already acknowledged") reply then means the first one took.
    /// </summary>
    internal async Task CreateInteractionResponseAsync(ulong interactionId, string token, JsonInteractionResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await SendCallbackAsync(interactionId, token, response, cancellationToken);
                return;
            }
            catch (Exception e) when (attempt < MaxCallbackAttempts && MayHaveBeenProcessed(e))
            {
                RestLog.CallbackUncertain(_logger, interactionId, e.Message);
                if (response.Type is Interactions.InteractionResponder.ChannelMessage or Interactions.InteractionResponder.DeferredChannelMessage
                    && await HasOriginalAsync(token, cancellationToken))
                {
                    RestLog.CallbackFoundDelivered(_logger, interactionId);
                    return;
                }
            }
        }
    }

    private async Task SendCallbackAsync(ulong interactionId, string token, JsonInteractionResponse response, CancellationToken cancellationToken)
    {
        var id = WireMapper.Snowflake(interactionId);
        try
        {
            await SendAsync<JsonInteractionResponse, JsonElement>(
                new Route(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback", id, IsInteraction: true),
                $"/interactions/{id}/{Uri.EscapeDataString(token)}/callback",
                response,
                DiscordJsonContext.Default.JsonInteractionResponse,
                null,
                Resend.OnlyIfUnsent,
                cancellationToken);
        }
        catch (DiscordRestException e) when (e.Code == AlreadyAcknowledged)
        {
            // Only the responder answers first, once: this is an earlier attempt whose answer was lost, and it took.
            RestLog.CallbackFoundDelivered(_logger, interactionId);
        }
    }

    /// <summary>True when Discord holds an original response for the interaction (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#get-original-interaction-response"/>).</summary>
    private async Task<bool> HasOriginalAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<object, JsonElement>(
                WebhookRoute(HttpMethod.Get, "/webhooks/{application_id}/{interaction_token}/messages/@original", token),
                $"/webhooks/{WireMapper.Snowflake(_options.ApplicationId)}/{Uri.EscapeDataString(token)}/messages/@original",
                null,
                null,
                null,
                Resend.Always,
                cancellationToken);
            return true;
        }
        catch (DiscordRestException e) when (e.Status == 404)
        {
            return false;
        }
    }

    internal async Task<ulong> CreateFollowupAsync(string token, DiscordMessage message, CancellationToken cancellationToken)
    {
        var created = await SendAsync(
            WebhookRoute(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}", token),
            $"/webhooks/{WireMapper.Snowflake(_options.ApplicationId)}/{Uri.EscapeDataString(token)}",
            WireMapper.ToBody(message, allowEphemeral: true),
            DiscordJsonContext.Default.JsonMessageBody,
            DiscordJsonContext.Default.JsonCreatedMessage,
            // Webhook messages take no nonce: a follow-up whose answer was lost might have been posted.
            Resend.OnlyIfUnsent,
            cancellationToken,
            message.Files);
        return InteractionMapper.ParseSnowflake(created!.Id);
    }

    internal Task<ulong> EditOriginalAsync(string token, DiscordMessage message, CancellationToken cancellationToken) =>
        EditWebhookMessageAsync(token, "@original", message, cancellationToken);

    /// <summary>Edits a follow-up message (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#edit-followup-message"/>).</summary>
    internal Task<ulong> EditFollowupAsync(string token, ulong messageId, DiscordMessage message, CancellationToken cancellationToken) =>
        EditWebhookMessageAsync(token, WireMapper.Snowflake(messageId), message, cancellationToken);

    private async Task<ulong> EditWebhookMessageAsync(string token, string messageId, DiscordMessage message, CancellationToken cancellationToken)
    {
        var edited = await SendAsync(
            WebhookRoute(HttpMethod.Patch, messageId == "@original" ? "/webhooks/{application_id}/{interaction_token}/messages/@original" : "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", token),
            $"/webhooks/{WireMapper.Snowflake(_options.ApplicationId)}/{Uri.EscapeDataString(token)}/messages/{messageId}",
            // Flags cannot change on an edit; ephemerality was fixed by the first response.
            WireMapper.ToBody(message, allowEphemeral: false),
            DiscordJsonContext.Default.JsonMessageBody,
            DiscordJsonContext.Default.JsonCreatedMessage,
            Resend.Always,
            cancellationToken,
            message.Files);
        return edited is null ? 0 : InteractionMapper.ParseSnowflake(edited.Id);
    }

    /// <summary>Opens (or finds) the direct-message channel with a user (<see href="https://discord.com/developers/docs/resources/user#create-dm"/>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    public async Task<ulong> CreateDmChannelAsync(ulong userId, CancellationToken cancellationToken)
    {
        var channel = await SendAsync(
            new Route(HttpMethod.Post, "/users/@me/channels", ""),
            "/users/@me/channels",
            new JsonCreateDm(WireMapper.Snowflake(userId)),
            DiscordJsonContext.Default.JsonCreateDm,
            DiscordJsonContext.Default.JsonCreatedMessage,
            // Discord returns the existing DM channel when there is one, so asking twice opens one channel.
            Resend.Always,
            cancellationToken);
        return InteractionMapper.ParseSnowflake(channel!.Id);
    }

    /// <summary>
    /// Opens a public thread on a message (<see href="https://discord.com/developers/docs/resources/channel#start-thread-from-message"/>);
    /// returns the thread's channel id.
    /// </summary>
    /// <param name="channelId">The channel the message is in.</param>
    /// <param name="messageId">The message the thread hangs off.</param>
    /// <param name="name">The thread's name, 1 to 100 characters.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    public async Task<ulong> StartThreadFromMessageAsync(ulong channelId, ulong messageId, string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var channel = WireMapper.Snowflake(channelId);
        try
        {
            var thread = await SendAsync(
                new Route(HttpMethod.Post, "/channels/{channel_id}/messages/{message_id}/threads", channel),
                $"/channels/{channel}/messages/{WireMapper.Snowflake(messageId)}/threads",
                new JsonStartThread(name.Length <= 100 ? name : name[..99] + "…", AutoArchiveDuration: 1440),
                DiscordJsonContext.Default.JsonStartThread,
                DiscordJsonContext.Default.JsonCreatedMessage,
                // A message has at most one thread: a second attempt cannot open another, it is refused with 160004.
                Resend.Always,
                cancellationToken);
            return InteractionMapper.ParseSnowflake(thread!.Id);
        }
        catch (DiscordRestException e) when (e.Code == ThreadAlreadyCreated)
        {
            // An earlier attempt whose answer was lost opened it; a thread started from a message has the message's id.
            return messageId;
        }
    }

    internal Task DeleteOriginalAsync(string token, CancellationToken cancellationToken) =>
        SendAsync<object, JsonElement>(
            WebhookRoute(HttpMethod.Delete, "/webhooks/{application_id}/{interaction_token}/messages/@original", token),
            $"/webhooks/{WireMapper.Snowflake(_options.ApplicationId)}/{Uri.EscapeDataString(token)}/messages/@original",
            null,
            null,
            null,
            Resend.Always,
            cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    // Webhook routes are limited per webhook id and token; for interactions the token is the major parameter.
    private static Route WebhookRoute(HttpMethod method, string template, string token) => new(method, template, token, IsInteraction: true);

    private (Route Route, string Path) CommandsRoute(HttpMethod method, ulong? guildId)
    {
        var app = WireMapper.Snowflake(_options.ApplicationId);
        return guildId is { } g
            ? (new Route(method, "/applications/{application_id}/guilds/{guild_id}/commands", WireMapper.Snowflake(g)), $"/applications/{app}/guilds/{WireMapper.Snowflake(g)}/commands")
            : (new Route(method, "/applications/{application_id}/commands", app), $"/applications/{app}/commands");
    }

    private async Task<TResponse?> SendAsync<TBody, TResponse>(
        Route route,
        string path,
        TBody? body,
        JsonTypeInfo<TBody>? bodyType,
        JsonTypeInfo<TResponse>? responseType,
        Resend resend,
        CancellationToken cancellationToken,
        IReadOnlyList<MessageFile>? files = null)
    {
        var bytes = body is null || bodyType is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                InvalidRequests.ThrowIfExhausted();
            }
            catch (DiscordRestException e)
            {
                RestLog.InvalidRequestLimitReached(_logger, e.Message);
                throw;
            }

            await _rateLimits.WaitGlobalAsync(route, cancellationToken);
            var bucket = _rateLimits.GetBucket(route);
            HttpResponseMessage response;
            using (var lease = await bucket.AcquireAsync(cancellationToken))
            {
                var context = ResilienceContextPool.Shared.Get(cancellationToken);
                context.Properties.Set(RouteKey, route.TemplateKey);
                context.Properties.Set(ResendKey, resend);
                try
                {
                    response = await _serverErrorRetry.ExecuteAsync(
                        static async (ctx, state) =>
                        {
                            using var request = state.Self.CreateRequest(state.route, state.path, state.bytes, state.files);
                            return await state.Self.SendObservedAsync(request, state.route, ctx.CancellationToken);
                        },
                        context,
                        (Self: this, route, path, bytes, files));
                }
                catch (Exception e) when (NetworkFailure.IsNetwork(e) && e is not HttpRequestException { InnerException: HttpRequestException })
                {
                    // After the retries: one sentence naming the route and what went wrong, the transport's error kept for the
                    // callers that decide from it whether the request may have reached Discord.
                    var message = $"{char.ToUpperInvariant(NetworkFailure.Describe(e)[0])}{NetworkFailure.Describe(e)[1..]} ({route.Method.Method} {route.Template}).";
                    throw e is HttpRequestException h ? new HttpRequestException(h.HttpRequestError, message, h) : new HttpRequestException(HttpRequestError.Unknown, message, e);
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(context);
                }

                lease.Complete(response);
                _rateLimits.Learn(route, bucket, response);
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    if (responseType is null || response.StatusCode == HttpStatusCode.NoContent)
                    {
                        return default;
                    }

                    await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken);
                }

                var status = (int)response.StatusCode;
                if (status == 429)
                {
                    var limited = await ReadRateLimitAsync(response, cancellationToken);
                    var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var s) ? s.FirstOrDefault() : null;
                    // A 429 on a shared resource is not our fault and does not count toward the ban
                    // (https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans).
                    if (!string.Equals(scope, "shared", StringComparison.Ordinal))
                    {
                        InvalidRequests.Record();
                    }

                    RestLog.RateLimited(_logger, route.Method.Method, route.Template, limited.Global, scope, limited.RetryAfter);
                    if (attempt >= MaxRateLimitRetries)
                    {
                        throw new DiscordRestException(status, limited.Code, $"Discord kept rate-limiting {route.Method.Method} {route.Template} after {attempt + 1} tries.");
                    }

                    if (limited.Global)
                    {
                        _rateLimits.BlockGlobal(limited.RetryAfter);
                    }

                    // Interaction routes skip the global gate, so the route's own bucket carries the wait for them too.
                    bucket.Block(limited.RetryAfter);

                    continue;
                }

                if (status is 401 or 403)
                {
                    InvalidRequests.Record();
                }

                var error = await ReadErrorAsync(response, cancellationToken);
                RestLog.Rejected(_logger, route.Method.Method, route.Template, status, error?.Code, error?.Message);
                throw new DiscordRestException(status, error?.Code, Explain(route, status, error));
            }
        }
    }

    /// <summary>
    /// One cheap authenticated request (<c>GET /gateway/bot</c>), not retried, for the readiness check: its outcome is what
    /// <see cref="DiscordReachability"/> then holds.
    /// </summary>
    internal async Task ProbeAsync(CancellationToken cancellationToken)
    {
        // Not through the route's bucket: a bot retrying its own GET /gateway/bot holds it for seconds, and a readiness check
        // must answer sooner than that. The health check sends at most one probe per 5 seconds.
        var route = new Route(HttpMethod.Get, "/gateway/bot", "");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var request = CreateRequest(route, "/gateway/bot", null);
            using var response = await SendObservedAsync(request, route, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (e is OperationCanceledException)
            {
                _reachability?.Failed($"GET {route.Template}", "could not reach Discord: no answer within 3 seconds");
            }
        }
    }

    // One attempt, measured and noted: the metrics by route and status, and whether Discord answered (for readiness).
    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, Route route, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var call = $"{route.Method.Method} {route.Template}";
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var status = (int)response.StatusCode;
            _metrics?.Request(route.Method.Method, route.Template, status.ToString(CultureInfo.InvariantCulture), _time.GetElapsedTime(started));
            if (status >= 500)
            {
                _reachability?.Failed(call, string.Create(CultureInfo.InvariantCulture, $"Discord answered {status}"));
            }
            else if (status == 401 && !route.IsInteraction)
            {
                _reachability?.Failed(call, "Discord refused the bot token (401); check Discord:Token");
            }
            else
            {
                _reachability?.Succeeded(call);
            }

            return response;
        }
        catch (Exception e) when (NetworkFailure.IsNetwork(e))
        {
            _metrics?.Request(route.Method.Method, route.Template, "network", _time.GetElapsedTime(started));
            _reachability?.Failed(call, NetworkFailure.Describe(e));
            throw;
        }
    }

    // A request that never left can always be sent again; one that may have reached Discord only if doing it twice is harmless.
    private static bool ShouldResend(Exception? exception, HttpResponseMessage? response, Resend resend) =>
        exception is HttpRequestException e && NeverSent(e)
        || resend == Resend.Always && (response is { StatusCode: >= HttpStatusCode.InternalServerError } || IsLostAnswer(exception));

    // Failed before a byte of the request was written: no connection, no name, no TLS session, no proxy tunnel.
    private static bool NeverSent(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    // HttpClient's own timeout (not our cancellation) surfaces as a TaskCanceledException wrapping a TimeoutException.
    private static bool IsLostAnswer(Exception? exception) =>
        exception is HttpRequestException or TaskCanceledException { InnerException: TimeoutException };

    /// <summary>True when a failed request may nevertheless have been carried out by Discord.</summary>
    internal static bool MayHaveBeenProcessed(Exception exception) => exception switch
    {
        DiscordRestException e => e.Status >= 500,
        HttpRequestException e => !NeverSent(e),
        _ => IsLostAnswer(exception),
    };

    // Up to 25 characters (https://discord.com/developers/docs/resources/message#create-message-jsonform-params).
    private static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    private HttpRequestMessage CreateRequest(Route route, string path, byte[]? body, IReadOnlyList<MessageFile>? files = null)
    {
        var request = new HttpRequestMessage(route.Method, _baseUrl + path);
        // Interaction webhooks are authenticated by their token; the bot token is sent only where Discord asks for it.
        if (!route.IsInteraction)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        }

        if (body is not null)
        {
            var json = new ByteArrayContent(body);
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = files is { Count: > 0 } ? Multipart(json, files) : json;
        }

        return request;
    }

    // Files travel as multipart/form-data: the JSON body as payload_json, file n as files[n], matching the body's attachments[n].id
    // (https://discord.com/developers/docs/reference#uploading-files). Built afresh for each attempt, as content is disposed with its request.
    private static MultipartFormDataContent Multipart(ByteArrayContent json, IReadOnlyList<MessageFile> files)
    {
        var form = new MultipartFormDataContent { { json, "payload_json" } };
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            form.Add(file, string.Create(CultureInfo.InvariantCulture, $"files[{i}]"), files[i].FileName);
        }

        return form;
    }

    private static async Task<(TimeSpan RetryAfter, bool Global, int? Code)> ReadRateLimitAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var global = response.Headers.Contains("X-RateLimit-Global");
        double retryAfter = 1;
        int? code = null;
        try
        {
            var body = await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.JsonRateLimitBody, cancellationToken);
            if (body is not null)
            {
                retryAfter = body.RetryAfter;
                global |= body.Global;
                code = body.Code;
            }
        }
        catch (JsonException)
        {
            // Cloudflare answers 429 with HTML; the Retry-After header (seconds) is then all there is.
            if (RateLimitBucket.TryGetDouble(response, "Retry-After", out var header))
            {
                retryAfter = header;
            }
        }

        return (TimeSpan.FromSeconds(Math.Max(0, retryAfter)), global, code);
    }

    private static async Task<JsonErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.JsonErrorBody, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Explain(Route route, int status, JsonErrorBody? error)
    {
        var what = $"Discord refused {route.Method.Method} {route.Template} with {status}";
        var detail = error?.Message is { } m ? $": {m} (code {error.Code})" : "";
        var hint = status switch
        {
            401 => ". Check Discord:Token (the bot token from the Developer Portal's Bot page).",
            403 => ". The bot lacks a permission it needs here.",
            404 => ". The target no longer exists (or an interaction token expired after 15 minutes).",
            _ => ".",
        };
        return what + detail + hint;
    }
}
