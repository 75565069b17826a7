using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Timeline;

/// <summary>
/// <c>/timeline</c>: the first page of the dated facts with the chart attached, and the Previous/Next buttons, which
/// rebuild the page from the store as it is now (a fact retracted since is gone).
/// </summary>
public sealed class TimelineInteractionHandler(IKnowledgeStore store, PlaceNames places) : IInteractionModule
{
    public IReadOnlyList<ApplicationCommandDefinition> Commands => TimelineCommands.All;

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return (interaction.Type == InteractionType.ApplicationCommand && interaction.CommandName == TimelineCommands.Timeline)
            || (interaction.Type == InteractionType.MessageComponent && interaction.CustomId?.StartsWith(TimelineFilter.Prefix, StringComparison.Ordinal) == true);
    }

    public Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        return interaction.Type == InteractionType.MessageComponent
            ? PageAsync(interaction, responder, cancellationToken)
            : TimelineAsync(interaction, responder, cancellationToken);
    }

    private async Task TimelineAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var filter = new TimelineFilter(
            interaction.GetOption("topic")?.AsString(),
            (int?)interaction.GetOption("from")?.AsInteger(),
            (int?)interaction.GetOption("to")?.AsInteger(),
            interaction.GetOption("place")?.AsString()?.Trim() is { Length: > 0 } p ? p : null);
        if (filter.From > filter.To)
        {
            await responder.RespondAsync(DiscordMessage.Text($"`from` {filter.From} is after `to` {filter.To}; give the earlier year to `from`.", ephemeral: true), cancellationToken);
            return;
        }

        if (filter.Topic is not null && !Topics.IsKnown(filter.Topic))
        {
            await responder.RespondAsync(DiscordMessage.Text(Topics.Unknown(filter.Topic), ephemeral: true), cancellationToken);
            return;
        }

        var entries = Build(filter);
        if (entries.Count == 0)
        {
            await responder.RespondAsync(DiscordMessage.Text("No dated facts match; try a wider range of years, another topic or place.", ephemeral: true), cancellationToken);
            return;
        }

        var chart = TimelineChart.Build(entries, filter.Describe(), places.AddAlternativeNames);
        var png = TimelineChart.RenderPng(chart);
        var page = TimelinePage.Render(entries, filter, 0, places.AddAlternativeNames);
        await responder.RespondAsync(page with { Files = [new MessageFile("timeline.png", png, "image/png")] }, cancellationToken);
    }

    private async Task PageAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (TimelineFilter.Parse(interaction.CustomId!) is not var (filter, page))
        {
            await responder.RespondAsync(DiscordMessage.Text("That button is from an older version of the bot; run /timeline again.", ephemeral: true), cancellationToken);
            return;
        }

        // The picture stays: an edit that names no files keeps the message's attachments.
        await responder.UpdateMessageAsync(TimelinePage.Render(Build(filter), filter, page, places.AddAlternativeNames), cancellationToken);
    }

    private IReadOnlyList<TimelineEntry> Build(TimelineFilter filter) =>
        new TimelineQuery(store).Build(filter.Topic, filter.From, filter.To, filter.Place);
}
