using System.Text.Json;
using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// <c>POST /interactions</c>: Discord's outgoing-webhook transport
/// (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#receiving-an-interaction"/>).
/// Verifies the signature, answers PING with PONG, and hands everything else to the same handler as the gateway, under the same
/// limit of handlers at once. The handler's first answer becomes the HTTP response body; if it has not answered
/// <see cref="DiscordOptions.AutoDeferAfter"/> after the request arrived, the deferral is the response (Discord allows 3
/// seconds), and the handler's later answer edits the deferred message. A request repeating an interaction id already
/// taken is refused with 409 and reaches no handler.
/// </summary>
internal sealed class InteractionsEndpoint(
    InteractionSignatureVerifier verifier,
    InteractionExecutor executor,
    InteractionReplayGuard replays,
    DiscordRestClient rest,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<InteractionsEndpoint> logger)
{
    // Interaction payloads are small; anything larger is not from Discord.
    private const int MaxBodyBytes = 1 << 20;

    public async Task HandleAsync(HttpContext http)
    {
        // Discord's 3 seconds run from when it sent the request; reading and checking it already counts.
        var receivedAt = time.GetTimestamp();
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        var refusal = body is null
            ? "body too large"
            : verifier.Check(http.Request.Headers["X-Signature-Ed25519"], http.Request.Headers["X-Signature-Timestamp"], body);
        if (refusal is not null)
        {
            InteractionsLog.Rejected(logger, refusal);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        JsonInteraction? json;
        try
        {
            json = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.JsonInteraction);
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (json.Type == InteractionResponder.Pong)
        {
            await WriteAsync(http, new JsonInteractionResponse(InteractionResponder.Pong, null));
            return;
        }

        Models.Interaction interaction;
        try
        {
            interaction = InteractionMapper.ToInteraction(json);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // Shutting down: another instance (or this one, restarted) takes it when Discord's user tries again.
        if (!executor.TryAccept(InteractionTransport.Http))
        {
            InteractionsLog.RefusedStopping(logger, interaction.Id);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        // A signed request stays valid for the timestamp tolerance, so the same one can arrive again: the first was answered
        // and acted on, a replay is neither.
        if (!replays.TryTake(json.Id))
        {
            executor.Release();
            InteractionsLog.Replayed(logger, interaction.Id);
            http.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        var first = new TaskCompletionSource<JsonInteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Edits and follow-ups wait until the response is sent (or the request is gone): their message exists only once
        // Discord has the response body.
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        http.Response.OnCompleted(() =>
        {
            delivered.TrySetResult();
            return Task.CompletedTask;
        });
        var responder = new InteractionResponder(interaction, json.Token, rest, (response, _) =>
        {
            executor.FirstAnswered(InteractionTransport.Http, receivedAt);
            first.TrySetResult(response);
            return Task.CompletedTask;
        }, delivered.Task);

        // The handler outlives this request when it defers: it is bound to the application's lifetime, not the request's. It
        // shares the gateway's limit of handlers at once, and the executor defers for it in time counted from receipt, even
        // while it waits for a slot. Task.Run: a handler that blocks before its first await must not hold up this request.
        _ = Task.Run(() => executor.RunAsync(new InteractionContext(interaction, responder, InteractionTransport.Http), responder, receivedAt, lifetime.ApplicationStopping));

        // Only a handler given up at shutdown whose restart notice also failed leaves the first answer unset; the request ends
        // when Discord gives up on it.
        await WriteAsync(http, await first.Task.WaitAsync(http.RequestAborted));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext http, JsonInteractionResponse response)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, response, DiscordJsonContext.Default.JsonInteractionResponse, http.RequestAborted);
    }
}
