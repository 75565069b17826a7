using System.Globalization;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Bot;

/// <summary>
/// The bot's one interaction handler and command source: hands each interaction to the module that owns it, and
/// turns any failure into a friendly private message with a reference id that is in the logs, so a member never
/// sees silence or "This interaction failed".
/// </summary>
public sealed class InteractionRouter(IEnumerable<IInteractionModule> modules, ILogger<InteractionRouter> logger, BackgroundBot.Discord.Diagnostics.DiscordMetrics? metrics = null)
    : IInteractionHandler, IApplicationCommandSource
{
    private readonly IReadOnlyList<IInteractionModule> _modules = modules.ToList();

    public IReadOnlyList<ApplicationCommandDefinition> Commands => _modules.SelectMany(m => m.Commands).ToList();

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        try
        {
            if (_modules.FirstOrDefault(m => m.Handles(interaction)) is { } module)
            {
                await module.HandleAsync(interaction, context.Responder, cancellationToken);
            }
            else
            {
                await context.Responder.RespondAsync(DiscordMessage.Text("I don't know that command; try /ask or /about.", ephemeral: true), cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var reference = string.Create(CultureInfo.InvariantCulture, $"E{interaction.Id % 1_000_000:D6}");
            Log.InteractionFailed(logger, interaction.Id, reference, ex);
            metrics?.Failed(context.Transport, "error");
            await context.Responder.RespondAsync(
                DiscordMessage.Text($"Sorry, something went wrong on my side (reference {reference}). Please try again in a moment.", ephemeral: true),
                cancellationToken);
        }
    }
}
