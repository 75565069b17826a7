namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// The seam between the Discord layer and the bot: implement this (register it as a singleton) to receive every interaction,
/// whichever transport carried it. Each interaction is handed over exactly once. PING never reaches it.
/// </summary>
public interface IInteractionHandler
{
    /// <summary>Handles one interaction; answer through <see cref="InteractionContext.Responder"/>.</summary>
    /// <param name="context">The typed interaction and its responder.</param>
    /// <param name="cancellationToken">Cancelled when the bot shuts down.</param>
    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken);
}
