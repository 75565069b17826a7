using System.Text.Json;
using System.Threading.Channels;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// Takes INTERACTION_CREATE dispatches off the socket's read loop into a channel, and hands them to the handler with at most
/// <see cref="DiscordOptions.MaxConcurrentInteractions"/> at once. Each interaction id is handled once, however many times a
/// resume or reconnect replays it.
/// </summary>
internal sealed class InteractionDispatcher(
    InteractionExecutor executor,
    InteractionReplayGuard replays,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionDispatcher> logger)
{
    private readonly Channel<JsonInteraction> _queue = Channel.CreateUnbounded<JsonInteraction>(new UnboundedChannelOptions { SingleWriter = false });

    /// <summary>Queues a dispatch; false when it is a replay of one already queued.</summary>
    public bool Enqueue(JsonElement data)
    {
        JsonInteraction? interaction;
        try
        {
            interaction = data.Deserialize(DiscordJsonContext.Default.JsonInteraction);
        }
        catch (JsonException e)
        {
            GatewayLog.BadInteraction(logger, e);
            return false;
        }

        if (interaction is null)
        {
            return false;
        }

        if (!replays.TryTake(interaction.Id))
        {
            GatewayLog.DuplicateInteraction(logger, interaction.Id);
            return false;
        }

        return _queue.Writer.TryWrite(interaction);
    }

    /// <summary>Runs the workers until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentInteractions).Select(_ => WorkAsync(cancellationToken)));

    // Discord allows 3 seconds for the first answer on the gateway too; a slow handler is deferred for, as on the HTTP endpoint.
    private async Task AutoDeferAsync(ulong interactionId, InteractionResponder responder, Task handling, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var after = options.Value.AutoDeferAfter;
        if (await Task.WhenAny(handling, Task.Delay(after, time, timer.Token)) != handling)
        {
            try
            {
                if (await responder.TryAutoDeferAsync(cancellationToken))
                {
                    GatewayLog.AutoDeferred(logger, interactionId, after);
                }
            }
            catch (Exception e) when (e is DiscordRestException or HttpRequestException)
            {
                GatewayLog.AutoDeferFailed(logger, e, interactionId);
            }
        }

        await timer.CancelAsync();
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var json in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                Models.Interaction interaction;
                try
                {
                    interaction = InteractionMapper.ToInteraction(json);
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    // One malformed interaction must not take a worker down with it.
                    GatewayLog.BadInteraction(logger, e);
                    continue;
                }

                var responder = new InteractionResponder(interaction, json.Token, rest, (response, ct) =>
                    rest.CreateInteractionResponseAsync(interaction.Id, json.Token, response, ct));
                var handling = Task.Run(() => executor.ExecuteAsync(new InteractionContext(interaction, responder, InteractionTransport.Gateway), cancellationToken), CancellationToken.None);
                await AutoDeferAsync(interaction.Id, responder, handling, cancellationToken);
                await handling;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
