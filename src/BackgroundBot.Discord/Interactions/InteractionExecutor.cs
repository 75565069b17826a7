using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Runs the bot's <see cref="IInteractionHandler"/> for one interaction, whichever transport carried it. It holds the one
/// concurrency limit both transports share (<see cref="DiscordOptions.MaxConcurrentInteractions"/> handlers at once), the
/// automatic deferral, counted from when the interaction was received, and is the edge where a handler's exception is caught:
/// logged once with a reference id, and the user told something went wrong with that id.
/// </summary>
internal sealed class InteractionExecutor(
    IInteractionHandler handler,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionExecutor> logger)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentInteractions);

    /// <summary>
    /// Handles an interaction received at <paramref name="receivedAt"/> (a <see cref="TimeProvider.GetTimestamp"/> of the injected
    /// clock) once a handler slot is free. Discord's 3 seconds for the first answer run from receipt, not from when a slot came
    /// free: if the handler has not answered <see cref="DiscordOptions.AutoDeferAfter"/> after receipt, the interaction is
    /// deferred for it, however many handlers were busy.
    /// </summary>
    public async Task RunAsync(InteractionContext context, InteractionResponder responder, long receivedAt, CancellationToken cancellationToken)
    {
        using var handled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var autoDefer = AutoDeferAsync(context.Interaction.Id, responder, receivedAt, handled.Token, cancellationToken);
        try
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                await ExecuteAsync(context, cancellationToken);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down before a slot came free.
        }
        finally
        {
            await handled.CancelAsync();
            await autoDefer;
        }
    }

    private async Task ExecuteAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(context, cancellationToken);
            if (!context.Responder.HasResponded)
            {
                // Discord shows "This interaction failed" for an unanswered interaction; acknowledge it in the quietest valid way.
                InteractionsLog.NoAnswer(logger, context.Interaction.Id, context.Interaction.CommandName ?? context.Interaction.CustomId);
                var quiet = context.Interaction.Type switch
                {
                    InteractionType.MessageComponent => context.Responder.DeferUpdateAsync(cancellationToken),
                    _ => TellAsync(context, "This command finished without an answer.", cancellationToken),
                };
                await quiet;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            var reference = Guid.NewGuid().ToString("N")[..8];
            InteractionsLog.HandlerFailed(logger, e, context.Interaction.Id, reference);
            try
            {
                await TellAsync(context, $"Something went wrong (reference {reference}).", cancellationToken);
            }
            catch (Exception inner) when (inner is not OperationCanceledException)
            {
                InteractionsLog.ApologyFailed(logger, inner, context.Interaction.Id, reference);
            }
        }
    }

    // Discord allows 3 seconds for the first answer (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction).
    private async Task AutoDeferAsync(ulong interactionId, InteractionResponder responder, long receivedAt, CancellationToken handled, CancellationToken cancellationToken)
    {
        var after = options.Value.AutoDeferAfter;
        var left = after - time.GetElapsedTime(receivedAt);
        try
        {
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, time, handled);
            }

            if (await responder.TryAutoDeferAsync(cancellationToken))
            {
                InteractionsLog.AutoDeferred(logger, interactionId, after);
            }
        }
        catch (OperationCanceledException)
        {
            // The handler answered in time, or the bot is stopping.
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException)
        {
            InteractionsLog.AutoDeferFailed(logger, e, interactionId);
        }
    }

    // Autocomplete can only be answered with suggestions: an empty list is the valid way to say nothing.
    private static Task TellAsync(InteractionContext context, string text, CancellationToken cancellationToken) =>
        context.Interaction.Type == InteractionType.Autocomplete
            ? context.Responder.HasResponded ? Task.CompletedTask : context.Responder.AutocompleteAsync([], cancellationToken)
            : context.Responder.RespondAsync(DiscordMessage.Text(text, ephemeral: true), cancellationToken);
}
