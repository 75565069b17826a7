using BackgroundBot.Discord.Diagnostics;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// Runs the bot's <see cref="IInteractionHandler"/> for one interaction, whichever transport carried it. It holds the one
/// concurrency limit both transports share (<see cref="DiscordOptions.MaxConcurrentInteractions"/> handlers at once), the
/// automatic deferral, counted from when the interaction was received, and is the edge where a handler's exception is caught:
/// logged once with a reference id, and the user told something went wrong with that id. Every log line about the interaction
/// carries its id and that reference (a logging scope).
/// <para>
/// At shutdown (<see cref="BeginDrain"/>) it takes no new interactions, lets those running finish until the drain deadline, and
/// then cancels the rest and tells their members the bot is restarting, so no one is left on "thinking…".
/// </para>
/// </summary>
internal sealed class InteractionExecutor(
    IInteractionHandler handler,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionExecutor> logger,
    DiscordMetrics? metrics = null)
{
    /// <summary>What a member sees when the bot stops before their answer is done.</summary>
    internal const string RestartNotice = "The bot is restarting, so this answer could not be finished; please ask again in a minute.";

    // How long the restart notices may take once in-flight handlers are given up.
    private static readonly TimeSpan NoticeTime = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentInteractions);
    private readonly CancellationTokenSource _abandon = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private int _inFlight;
    private bool _draining;

    /// <summary>True once shutdown began: new interactions are refused (the HTTP endpoint answers 503).</summary>
    public bool IsDraining
    {
        get
        {
            lock (_gate)
            {
                return _draining;
            }
        }
    }

    /// <summary>Interactions being handled now (waiting for a slot included).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Completes when, after <see cref="BeginDrain"/>, no interaction is in flight.</summary>
    public Task Drained => _drained.Task;

    /// <summary>
    /// Handles an interaction received at <paramref name="receivedAt"/> (a <see cref="TimeProvider.GetTimestamp"/> of the injected
    /// clock) once a handler slot is free. Discord's 3 seconds for the first answer run from receipt, not from when a slot came
    /// free: if the handler has not answered <see cref="DiscordOptions.AutoDeferAfter"/> after receipt, the interaction is
    /// deferred for it, however many handlers were busy. The handler runs until it finishes or the drain deadline passes, not
    /// until the transport stops: stopping the transport only stops new interactions.
    /// </summary>
    /// <remarks>Call only for an interaction <see cref="TryAccept"/> took.</remarks>
    public async Task RunAsync(InteractionContext context, InteractionResponder responder, long receivedAt, CancellationToken cancellationToken)
    {
        metrics?.Received(context.Transport, context.Interaction.Type);
        // The bot's own edge (its router) names failures the same way, so the member's reference finds every line either way.
        var reference = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"E{context.Interaction.Id % 1_000_000:D6}");
        using var scope = logger.BeginScope(new InteractionScope(context.Interaction.Id, reference));
        var abandon = _abandon.Token;
        using var handled = CancellationTokenSource.CreateLinkedTokenSource(abandon);
        var autoDefer = AutoDeferAsync(context.Interaction.Id, responder, receivedAt, handled.Token, abandon);
        try
        {
            using (metrics?.Waiting(receivedAt))
            {
                await _slots.WaitAsync(abandon);
            }

            try
            {
                using (metrics?.Running())
                {
                    await ExecuteAsync(context, reference, abandon);
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            // Given up at shutdown before a slot came free; the member is told below.
        }
        finally
        {
            await handled.CancelAsync();
            await autoDefer;
            if (abandon.IsCancellationRequested)
            {
                await TellRestartingAsync(context, responder);
            }

            Leave();
        }
    }

    /// <summary>Records when the first answer left, counting it as late past Discord's 3 seconds.</summary>
    public void FirstAnswered(InteractionTransport transport, long receivedAt) => metrics?.FirstAnswer(transport, time.GetElapsedTime(receivedAt));

    /// <summary>Stops taking interactions; those in flight may finish until <paramref name="deadline"/> has passed, then they are given up.</summary>
    public void BeginDrain(TimeSpan deadline)
    {
        int inFlight;
        lock (_gate)
        {
            if (_draining)
            {
                return;
            }

            _draining = true;
            inFlight = _inFlight;
        }

        InteractionsLog.Draining(logger, inFlight, deadline);
        if (inFlight == 0)
        {
            _drained.TrySetResult();
            return;
        }

        _ = GiveUpAfterAsync(deadline);
    }

    private async Task GiveUpAfterAsync(TimeSpan deadline)
    {
        try
        {
            await _drained.Task.WaitAsync(deadline, time);
            InteractionsLog.Drained(logger);
        }
        catch (TimeoutException)
        {
            InteractionsLog.GivingUp(logger, InFlight, deadline);
            await _abandon.CancelAsync();
        }
    }

    /// <summary>Gives up every interaction still running now (the host is out of time).</summary>
    public Task AbandonAsync() => _abandon.CancelAsync();

    /// <summary>Takes an interaction to run, or refuses it (false) once shutdown began; a taken one must be run.</summary>
    public bool TryAccept(InteractionTransport transport)
    {
        lock (_gate)
        {
            if (_draining)
            {
                metrics?.Refused(transport);
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    /// <summary>Gives back an interaction <see cref="TryAccept"/> took but that will not be run (a replay).</summary>
    public void Release() => Leave();

    private void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
            if (_draining && _inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private async Task ExecuteAsync(InteractionContext context, string reference, CancellationToken cancellationToken)
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
            // Given up at shutdown; the member is told the bot is restarting.
        }
        catch (Exception e)
        {
            metrics?.Failed(context.Transport, "error");
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

    // The handler was given up before it answered: the member gets the notice instead of nothing, or instead of "thinking…".
    // A handler that answered with a placeholder of its own replaces it itself (it alone knows the message is one).
    private async Task TellRestartingAsync(InteractionContext context, InteractionResponder responder)
    {
        metrics?.Failed(context.Transport, "shutdown");
        using var notice = new CancellationTokenSource(NoticeTime, time);
        try
        {
            if (context.Interaction.Type == InteractionType.Autocomplete)
            {
                return;
            }

            if (responder.HasResponded && !responder.ShowsThinking)
            {
                return;
            }

            await responder.RespondAsync(DiscordMessage.Text(RestartNotice, ephemeral: true), notice.Token);

            InteractionsLog.RestartNoticeSent(logger, context.Interaction.Id);
        }
        catch (Exception e) when (e is DiscordRestException or HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            InteractionsLog.RestartNoticeFailed(logger, e, context.Interaction.Id);
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
