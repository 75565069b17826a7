using BackgroundBot.Discord.Json;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Answers one interaction. The first answer goes through <c>sendInitial</c> (the REST callback for the gateway, the HTTP response
/// body for the interactions endpoint); everything after it uses the interaction's webhook with its token, once
/// <c>initialDelivered</c> says the first answer is on its way to Discord (the HTTP body must be sent before its message can be
/// edited). Calls are serialized so a handler and the auto-deferral can never both give a first answer.
/// </summary>
internal sealed class InteractionResponder(
    Interaction interaction,
    string token,
    DiscordRestClient rest,
    Func<JsonInteractionResponse, CancellationToken, Task> sendInitial,
    Task? initialDelivered = null) : IInteractionResponder
{
    // https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes
    private const int UnknownMessage = 10008;

    // https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type
    internal const int Pong = 1;
    internal const int ChannelMessage = 4;
    internal const int DeferredChannelMessage = 5;
    internal const int DeferredUpdate = 6;
    internal const int UpdateMessage = 7;
    internal const int AutocompleteResult = 8;
    internal const int ModalResponse = 9;

    private readonly SemaphoreSlim _lock = new(1, 1);
    private State _state;

    // Whether the deferral's "thinking…" message is private; Discord fixes that at deferral time.
    private bool _deferredEphemeral;

    // The follow-up that stands in for the original response when the original could not take the answer.
    private ulong? _standIn;

    private enum State
    {
        None,
        Deferred,
        DeferredUpdate,
        Responded,
    }

    public bool HasResponded => _state != State.None;

    /// <summary>True while the member sees only "thinking…": deferred, and no answer given since.</summary>
    internal bool ShowsThinking => _state == State.Deferred;

    // Deferring twice is a no-op, not an error: the layer may have auto-deferred for a handler that was about to defer itself.
    public Task DeferAsync(bool ephemeral, CancellationToken cancellationToken) =>
        InitialAsync(new JsonInteractionResponse(DeferredChannelMessage, ephemeral ? new JsonInteractionCallbackData { Flags = WireMapper.EphemeralFlag } : null), State.Deferred, cancellationToken, alreadyDone: State.Deferred);

    public Task DeferUpdateAsync(CancellationToken cancellationToken) =>
        InitialAsync(new JsonInteractionResponse(DeferredUpdate, null), State.DeferredUpdate, cancellationToken, alreadyDone: State.DeferredUpdate);

    public Task ShowModalAsync(Modal modal, CancellationToken cancellationToken) =>
        InitialAsync(new JsonInteractionResponse(ModalResponse, WireMapper.ToModalData(modal)), State.Responded, cancellationToken);

    public Task AutocompleteAsync(IReadOnlyList<CommandChoice> choices, CancellationToken cancellationToken)
    {
        // Discord takes suggestions of the option's one type; a mix is refused, so it is a bug to report here, not there.
        if (choices.Select(c => c.Value is int or long ? typeof(long) : c.Value.GetType()).Distinct().Count() > 1)
        {
            throw new ArgumentException("Autocomplete choices must all have the same value type (the option's type).", nameof(choices));
        }

        return InitialAsync(new JsonInteractionResponse(AutocompleteResult, new JsonInteractionCallbackData { Choices = choices.Take(25).Select(WireMapper.ToChoice).ToList() }), State.Responded, cancellationToken);
    }

    public async Task UpdateMessageAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_state == State.None && message.Files.Count > 0)
            {
                // Files come by the webhook only (see RespondAsync): acknowledge the component, then edit its message.
                await sendInitial(new JsonInteractionResponse(DeferredUpdate, null), cancellationToken);
                _state = State.DeferredUpdate;
            }

            if (_state == State.DeferredUpdate)
            {
                // After a (possibly automatic) deferred update, the component's message is the original: edit it.
                await WebhookReadyAsync(cancellationToken);
                await rest.EditOriginalAsync(token, message, cancellationToken);
                _state = State.Responded;
                return;
            }
        }
        finally
        {
            _lock.Release();
        }

        await InitialAsync(new JsonInteractionResponse(UpdateMessage, WireMapper.ToCallbackData(message, allowEphemeral: false)), State.Responded, cancellationToken);
    }

    public async Task RespondAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            switch (_state)
            {
                case State.None when message.Files.Count > 0:
                    // An interaction's first answer over HTTP is a JSON body, which cannot carry files: acknowledge with
                    // "thinking…" (private if the answer is), then put the answer, files and all, in its place.
                    await sendInitial(new JsonInteractionResponse(DeferredChannelMessage, message.Ephemeral ? new JsonInteractionCallbackData { Flags = WireMapper.EphemeralFlag } : null), cancellationToken);
                    _state = State.Deferred;
                    _deferredEphemeral = message.Ephemeral;
                    await EditOriginalCoreAsync(message, cancellationToken);
                    break;
                case State.None:
                    await sendInitial(new JsonInteractionResponse(ChannelMessage, WireMapper.ToCallbackData(message, allowEphemeral: true)), cancellationToken);
                    break;
                case State.Deferred when message.Ephemeral && !_deferredEphemeral && _standIn is null:
                    // A public "thinking…" message cannot become private (Discord fixes visibility at deferral), and a private
                    // answer must not be shown to the channel: the public message goes, a private follow-up takes its place.
                    // https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message
                    await WebhookReadyAsync(cancellationToken);
                    try
                    {
                        await rest.DeleteOriginalAsync(token, cancellationToken);
                    }
                    catch (DiscordRestException e) when (e.Code == UnknownMessage)
                    {
                        // Already gone.
                    }

                    _standIn = await rest.CreateFollowupAsync(token, message, cancellationToken);
                    break;
                case State.Deferred:
                    // The "thinking…" message is the original; the answer replaces it.
                    await EditOriginalCoreAsync(message, cancellationToken);
                    break;
                default:
                    await WebhookReadyAsync(cancellationToken);
                    await rest.CreateFollowupAsync(token, message, cancellationToken);
                    break;
            }

            _state = State.Responded;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<ulong> EditOriginalAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var id = await EditOriginalCoreAsync(message, cancellationToken);
            _state = State.Responded;
            return id;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<ulong> FollowUpAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        await WebhookReadyAsync(cancellationToken);
        return await rest.CreateFollowupAsync(token, message, cancellationToken);
    }

    public async Task<ulong> EditFollowUpAsync(ulong messageId, DiscordMessage message, CancellationToken cancellationToken)
    {
        await WebhookReadyAsync(cancellationToken);
        return await rest.EditFollowupAsync(token, messageId, message, cancellationToken);
    }

    public async Task DeleteOriginalAsync(CancellationToken cancellationToken)
    {
        await WebhookReadyAsync(cancellationToken);
        await rest.DeleteOriginalAsync(token, cancellationToken);
    }

    /// <summary>
    /// Acknowledges for a handler that has not answered in time (Discord allows 3 seconds). Returns false when the handler answered first.
    /// Commands and modals show "thinking…"; components acknowledge silently; autocomplete cannot be deferred, so it gets no suggestions.
    /// </summary>
    internal async Task<bool> TryAutoDeferAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_state != State.None)
            {
                return false;
            }

            var (response, state) = interaction.Type switch
            {
                InteractionType.MessageComponent => (new JsonInteractionResponse(DeferredUpdate, null), State.DeferredUpdate),
                InteractionType.Autocomplete => (new JsonInteractionResponse(AutocompleteResult, new JsonInteractionCallbackData { Choices = [] }), State.Responded),
                _ => (new JsonInteractionResponse(DeferredChannelMessage, null), State.Deferred),
            };
            await sendInitial(response, cancellationToken);
            _state = state;
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Edits the message that plays the original response: the original, or its stand-in. When the original is gone (the member
    /// dismissed a private message, say), the answer still arrives, as a follow-up that stands in for it from then on.
    /// </summary>
    private async Task<ulong> EditOriginalCoreAsync(DiscordMessage message, CancellationToken cancellationToken)
    {
        await WebhookReadyAsync(cancellationToken);
        if (_standIn is { } standIn)
        {
            return await rest.EditFollowupAsync(token, standIn, message, cancellationToken);
        }

        try
        {
            return await rest.EditOriginalAsync(token, message, cancellationToken);
        }
        catch (DiscordRestException e) when (e.Code == UnknownMessage)
        {
            var id = await rest.CreateFollowupAsync(token, message with { Ephemeral = message.Ephemeral || _deferredEphemeral }, cancellationToken);
            _standIn = id;
            return id;
        }
    }

    // Over HTTP the first answer is the response body: its message exists only once Discord has it.
    private Task WebhookReadyAsync(CancellationToken cancellationToken) =>
        initialDelivered is null || initialDelivered.IsCompleted ? Task.CompletedTask : initialDelivered.WaitAsync(cancellationToken);

    private async Task InitialAsync(JsonInteractionResponse response, State next, CancellationToken cancellationToken, State? alreadyDone = null)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_state == alreadyDone)
            {
                return;
            }

            if (_state != State.None)
            {
                throw new InvalidOperationException($"Interaction {interaction.Id} was already answered; a second first response is not allowed (use RespondAsync or FollowUpAsync).");
            }

            await sendInitial(response, cancellationToken);
            _state = next;
            _deferredEphemeral = next == State.Deferred && (response.Data?.Flags & WireMapper.EphemeralFlag) != 0;
        }
        finally
        {
            _lock.Release();
        }
    }
}
