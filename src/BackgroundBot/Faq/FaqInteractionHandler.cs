using System.Globalization;
using BackgroundBot.Bot;
using BackgroundBot.Community;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;

namespace BackgroundBot.Faq;

/// <summary><c>/faq</c>: the list for everyone; pin, hide, reword and reset for moderators, audited.</summary>
public sealed class FaqInteractionHandler(FaqBuilder builder, FaqCurator curator, ModeratorPolicy policy, ICommunityStore community, TimeProvider time) : IInteractionModule
{
    public const int Entries = 6;

    public IReadOnlyList<ApplicationCommandDefinition> Commands => FaqCommands.All;

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.CommandName == FaqCommands.Faq && interaction.Type is InteractionType.ApplicationCommand or InteractionType.Autocomplete;
    }

    public async Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        if (interaction.Type == InteractionType.Autocomplete)
        {
            await responder.AutocompleteAsync(Suggest(interaction.FocusedOption?.AsString() ?? ""), cancellationToken);
            return;
        }

        if (interaction.Subcommand == FaqCommands.List)
        {
            await ListAsync(interaction, responder, cancellationToken);
            return;
        }

        if (policy.RefusalFor(interaction) is { } refusal)
        {
            await responder.RespondAsync(DiscordMessage.Text(refusal, ephemeral: true), cancellationToken);
            return;
        }

        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var question = interaction.GetOption("question")?.AsString() ?? "";
        if (await builder.FindKeyAsync(question, FaqBuilder.DefaultPeriod, cancellationToken) is not { } key)
        {
            await responder.RespondAsync(DiscordMessage.Text($"No question of the last {FaqBuilder.DefaultPeriod.TotalDays:0} days matches “{question}”; pick one of the suggestions.", ephemeral: true), cancellationToken);
            return;
        }

        var actor = string.Create(CultureInfo.InvariantCulture, $"discord:{interaction.User.Id}");
        var wording = interaction.GetOption("wording")?.AsString()?.Trim();
        var (action, change, done) = interaction.Subcommand switch
        {
            FaqCommands.Pin => ("faq.pin", (Func<FaqCuration, FaqCuration>)(c => c with { Pinned = true, Hidden = false }), "pinned: it stays on top"),
            FaqCommands.Hide => ("faq.hide", c => c with { Hidden = true, Pinned = false }, "hidden: it is off the FAQ"),
            FaqCommands.Reword => ("faq.reword", c => c with { Wording = string.IsNullOrEmpty(wording) ? null : wording }, $"shown as “{wording}”"),
            _ => ("faq.reset", c => c with { Pinned = false, Hidden = false, Wording = null }, "back to how members asked it"),
        };
        curator.Change(key, actor, action, change);
        await responder.RespondAsync(DiscordMessage.Text($"The entry “{question}” is {done}. (Audited as {action}.)", ephemeral: true), cancellationToken);
    }

    private async Task ListAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        // Each entry is answered again, which takes longer than Discord's 3 seconds on a busy store.
        await responder.DeferAsync(ephemeral: false, cancellationToken);
        var topic = interaction.GetOption("topic")?.AsString();
        var period = TimeSpan.FromDays(interaction.GetOption("days")?.AsInteger() ?? FaqBuilder.DefaultPeriod.TotalDays);
        var items = await builder.BuildAsync(topic, period, Entries, cancellationToken);
        await responder.RespondAsync(FaqText.Message(items, topic, period), cancellationToken);
    }

    private List<CommandChoice> Suggest(string typed) =>
        community.AnswersSince(time.GetUtcNow() - FaqBuilder.DefaultPeriod)
            .Select(a => a.Question.Trim())
            .Where(q => q.Length is > 0 and <= DiscordLimits.ChoiceName && q.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase))
            .GroupBy(q => FaqBuilder.Normalise(q), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Take(25)
            .Select(g => new CommandChoice(g.First(), g.First()))
            .ToList();
}
