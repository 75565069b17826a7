using BackgroundBot.Discord.Models;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Answers one interaction (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction"/>).
/// The first answer (respond, defer, modal, autocomplete, update) must come within 3 seconds; later messages use the
/// interaction token for 15 minutes. Calls are serialized; the responder tracks whether the first answer was given.
/// </summary>
public interface IInteractionResponder
{
    /// <summary>True once the first answer (of any kind) was given.</summary>
    bool HasResponded { get; }

    /// <summary>Acknowledges now and shows "thinking…"; answer later with <see cref="RespondAsync"/> or <see cref="EditOriginalAsync"/>.</summary>
    Task DeferAsync(bool ephemeral, CancellationToken cancellationToken);

    /// <summary>For components: acknowledges without a visible change; edit later with <see cref="EditOriginalAsync"/>.</summary>
    Task DeferUpdateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends the answer: as the first response if none was given, as an edit of the original after a deferral,
    /// and as a follow-up otherwise.
    /// </summary>
    Task RespondAsync(DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>Edits the original response; returns the message's id (to open a thread on it, say).</summary>
    Task<ulong> EditOriginalAsync(DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>Sends a follow-up message; returns its id.</summary>
    Task<ulong> FollowUpAsync(DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>Edits a follow-up message sent with <see cref="FollowUpAsync"/> (within the token's 15 minutes); returns its id.</summary>
    Task<ulong> EditFollowUpAsync(ulong messageId, DiscordMessage message, CancellationToken cancellationToken);

    /// <summary>Deletes the original response.</summary>
    Task DeleteOriginalAsync(CancellationToken cancellationToken);

    /// <summary>Shows a modal (as the first response).</summary>
    Task ShowModalAsync(Modal modal, CancellationToken cancellationToken);

    /// <summary>Answers an autocomplete interaction with up to 25 choices.</summary>
    Task AutocompleteAsync(IReadOnlyList<CommandChoice> choices, CancellationToken cancellationToken);

    /// <summary>For components: replaces the message the component is on (as the first response).</summary>
    Task UpdateMessageAsync(DiscordMessage message, CancellationToken cancellationToken);
}
