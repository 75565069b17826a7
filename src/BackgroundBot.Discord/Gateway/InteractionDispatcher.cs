using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Gateway;

/// <summary>
/// Takes INTERACTION_CREATE dispatches off the socket's read loop into a channel, noting when each was received, and hands them
/// to <see cref="InteractionExecutor"/>, which runs at most <see cref="DiscordOptions.MaxConcurrentInteractions"/> handlers at
/// once and defers in time counted from receipt. Each interaction id is handled once, however many times a resume or reconnect
/// replays it.
/// </summary>
internal sealed class InteractionDispatcher(
    InteractionExecutor executor,
    InteractionReplayGuard replays,
    DiscordRestClient rest,
    TimeProvider time,
    ILogger<InteractionDispatcher> logger)
{
    private readonly Channel<(JsonInteraction Json, long ReceivedAt)> _queue =
        Channel.CreateUnbounded<(JsonInteraction, long)>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = true });

    /// <summary>Queues a dispatch; false when it is a replay of one already queued.</summary>
    public bool Enqueue(JsonElement data)
    {
        // Discord's 3 seconds started when it sent the dispatch; this is as close to that as the bot can know.
        var receivedAt = time.GetTimestamp();
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

        return _queue.Writer.TryWrite((interaction, receivedAt));
    }

    /// <summary>Starts each queued interaction until <paramref name="cancellationToken"/> is cancelled, then waits for those running.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var running = new ConcurrentDictionary<int, Task>();
        try
        {
            await foreach (var (json, receivedAt) in _queue.Reader.ReadAllAsync(cancellationToken))
            {
                Models.Interaction interaction;
                try
                {
                    interaction = InteractionMapper.ToInteraction(json);
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
                {
                    // One malformed interaction must not stop the others.
                    GatewayLog.BadInteraction(logger, e);
                    continue;
                }

                // Shutting down: the gateway is closing too; Discord shows the member a failure and they can ask again.
                if (!executor.TryAccept(InteractionTransport.Gateway))
                {
                    continue;
                }

                var responder = new InteractionResponder(interaction, json.Token, rest, async (response, ct) =>
                {
                    await rest.CreateInteractionResponseAsync(interaction.Id, json.Token, response, ct);
                    executor.FirstAnswered(InteractionTransport.Gateway, receivedAt);
                });
                var context = new InteractionContext(interaction, responder, InteractionTransport.Gateway);

                // Never waits here for a handler slot: the executor queues for one while the deferral clock runs from receipt.
                // Task.Run: a handler that blocks before its first await must not hold up the queue.
                var task = Task.Run(() => executor.RunAsync(context, responder, receivedAt, cancellationToken), CancellationToken.None);
                running[task.Id] = task;
                _ = task.ContinueWith(t => running.TryRemove(t.Id, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running.Values);
    }
}
