using BackgroundBot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Runs the bot's <see cref="IInteractionHandler"/> for one interaction, whichever transport carried it, and is the edge where a
/// handler's exception is caught: logged once with a reference id, and the user told something went wrong with that id.
/// </summary>
internal sealed class InteractionExecutor(IInteractionHandler handler, ILogger<InteractionExecutor> logger)
{
    public async Task ExecuteAsync(InteractionContext context, CancellationToken cancellationToken)
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

    // Autocomplete can only be answered with suggestions: an empty list is the valid way to say nothing.
    private static Task TellAsync(InteractionContext context, string text, CancellationToken cancellationToken) =>
        context.Interaction.Type == InteractionType.Autocomplete
            ? context.Responder.HasResponded ? Task.CompletedTask : context.Responder.AutocompleteAsync([], cancellationToken)
            : context.Responder.RespondAsync(DiscordMessage.Text(text, ephemeral: true), cancellationToken);
}
