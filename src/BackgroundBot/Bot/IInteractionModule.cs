using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Bot;

/// <summary>One feature's commands and the interactions it answers (community questions, moderation).</summary>
public interface IInteractionModule
{
    IReadOnlyList<ApplicationCommandDefinition> Commands { get; }

    bool Handles(Interaction interaction);

    Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken);
}
