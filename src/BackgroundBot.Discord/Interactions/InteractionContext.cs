using BackgroundBot.Discord.Models;

namespace BackgroundBot.Discord.Interactions;

/// <summary>One interaction handed to <see cref="IInteractionHandler"/>: what the user did, and how to answer.</summary>
public sealed class InteractionContext
{
    internal InteractionContext(Interaction interaction, IInteractionResponder responder, InteractionTransport transport)
    {
        Interaction = interaction;
        Responder = responder;
        Transport = transport;
    }

    /// <summary>The typed interaction.</summary>
    public Interaction Interaction { get; }

    /// <summary>Answers the interaction.</summary>
    public IInteractionResponder Responder { get; }

    /// <summary>Which transport carried it.</summary>
    public InteractionTransport Transport { get; }
}
