using System.Globalization;
using System.Text;
using BackgroundBot.Bot;
using BackgroundBot.Community;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>
/// Curation from Discord: /facts, /alias, /gaps, /audit for moderators, /suggest for everyone, and the review queue's
/// buttons. Every action checks <see cref="ModeratorPolicy"/> on the server first, whatever Discord's permissions say.
/// </summary>
public sealed class ModerationInteractionHandler(
    ModeratorPolicy policy,
    FactCuration curation,
    AliasCuration aliases,
    AuditUndo undo,
    FactSearch search,
    ReviewQueue review,
    GapReport gaps,
    IKnowledgeStore store,
    IModerationStore moderation,
    DiscordRestClient rest,
    ReviewChannel reviewChannel) : IInteractionModule
{
    private const string AddModal = "facts:add";
    private const string EditModal = "facts:edit:";
    private const string SuggestModal = "suggest";
    private const string ApproveButton = ReviewChannel.ApproveButton;
    private const string RejectButton = ReviewChannel.RejectButton;
    private const string RejectModal = "review:reject-modal:";
    private const string EditButton = ReviewChannel.EditButton;
    private const string EditApproveModal = "review:edit-modal:";

    public IReadOnlyList<ApplicationCommandDefinition> Commands => ModerationCommands.All;

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.CommandName is ModerationCommands.Facts or ModerationCommands.Alias or ModerationCommands.Gaps
                or ModerationCommands.Audit or ModerationCommands.Suggest
            || interaction.CustomId is { } id && (id.StartsWith("facts:", StringComparison.Ordinal) || id.StartsWith("review:", StringComparison.Ordinal) || id == SuggestModal);
    }

    public async Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        var isSuggestion = interaction.CommandName == ModerationCommands.Suggest || interaction.CustomId == SuggestModal;
        if (!isSuggestion && policy.RefusalFor(interaction) is { } refusal)
        {
            await responder.RespondAsync(DiscordMessage.Text(refusal, ephemeral: true), cancellationToken);
            return;
        }

        var moderator = string.Create(CultureInfo.InvariantCulture, $"discord:{interaction.User.Id}");
        var reply = (interaction.Type, interaction.CommandName, interaction.Subcommand, interaction.CustomId) switch
        {
            (InteractionType.ApplicationCommand, ModerationCommands.Suggest, _, _) => ShowModal(SuggestForm()),
            (InteractionType.ApplicationCommand, ModerationCommands.Facts, "add", _) => ShowModal(FactForm(AddModal, "Add a fact", null)),
            (InteractionType.ApplicationCommand, ModerationCommands.Facts, "edit", _) => EditForm(Id(interaction, "id")),
            (InteractionType.ApplicationCommand, ModerationCommands.Facts, "retract", _) =>
                Result(curation.Retract(Id(interaction, "id"), interaction.GetOption("reason")?.AsString() ?? "", moderator)),
            (InteractionType.ApplicationCommand, ModerationCommands.Facts, "show", _) => ShowFact(Id(interaction, "id")),
            (InteractionType.ApplicationCommand, ModerationCommands.Facts, "search", _) => Reply.Later(() => SearchAsync(interaction.GetOption("query")?.AsString() ?? "", cancellationToken)),
            (InteractionType.ApplicationCommand, ModerationCommands.Facts, "undo", _) => Result(undo.Undo(Id(interaction, "audit_id"), moderator)),
            (InteractionType.ApplicationCommand, ModerationCommands.Alias, "add", _) => Result(aliases.Add(
                [interaction.GetOption("name")?.AsString() ?? "", interaction.GetOption("alternative")?.AsString() ?? ""], moderator)),
            (InteractionType.ApplicationCommand, ModerationCommands.Alias, "list", _) => Private(string.Join('\n', store.ListAliases().Select(a => $"{a.Id}. {string.Join(" / ", a.Names)}"))),
            (InteractionType.ApplicationCommand, ModerationCommands.Gaps, _, _) => Reply.Later(() => GapsAsync(cancellationToken)),
            (InteractionType.ApplicationCommand, ModerationCommands.Audit, "recent", _) => Private(string.Join('\n',
                store.RecentAudit((int)(interaction.GetOption("n")?.AsInteger() ?? 10)).Select(AuditText.Line))),
            (InteractionType.ApplicationCommand, ModerationCommands.Audit, "item", _) => store.FindAudit(Id(interaction, "id")) is { } entry
                ? Private(AuditText.Full(entry))
                : Private($"No audit entry with id {Id(interaction, "id")}."),
            (InteractionType.ModalSubmit, _, _, AddModal) => Result(curation.Add(Draft(interaction), moderator)),
            (InteractionType.ModalSubmit, _, _, { } id) when id.StartsWith(EditModal, StringComparison.Ordinal) => Edit(id, interaction, moderator),
            (InteractionType.ModalSubmit, _, _, SuggestModal) => Reply.Later(() => SuggestAsync(interaction, cancellationToken)),
            (InteractionType.MessageComponent, _, _, { } id) when id.StartsWith(ApproveButton, StringComparison.Ordinal) =>
                Reply.Later(() => DecidedAsync(review.Approve(Suffix(id, ApproveButton), moderator), cancellationToken)),
            (InteractionType.MessageComponent, _, _, { } id) when id.StartsWith(EditButton, StringComparison.Ordinal) => SuggestionForm(Suffix(id, EditButton)),
            (InteractionType.ModalSubmit, _, _, { } id) when id.StartsWith(EditApproveModal, StringComparison.Ordinal) =>
                Reply.Later(() => DecidedAsync(review.Approve(Suffix(id, EditApproveModal), moderator, Draft(interaction)), cancellationToken)),
            (InteractionType.MessageComponent, _, _, { } id) when id.StartsWith(RejectButton, StringComparison.Ordinal) =>
                ShowModal(new Modal($"{RejectModal}{Suffix(id, RejectButton)}", "Reject this suggestion", [Input("reason", "Why? (the proposer is told)", TextInputStyle.Paragraph)])),
            (InteractionType.ModalSubmit, _, _, { } id) when id.StartsWith(RejectModal, StringComparison.Ordinal) =>
                Reply.Later(() => DecidedAsync(review.Reject(Suffix(id, RejectModal), moderator, interaction.ModalValues.GetValueOrDefault("reason") ?? ""), cancellationToken)),
            _ => Private("I don't know that moderation command."),
        };

        await reply.SendAsync(responder, cancellationToken);
    }

    private async Task<Reply> SuggestAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var factId = int.TryParse(interaction.ModalValues.GetValueOrDefault("fact"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : (int?)null;
        var result = await reviewChannel.SubmitAsync(new Suggestion
        {
            Kind = factId is null ? SuggestionKind.NewFact : SuggestionKind.Correction,
            ProposerId = interaction.User.Id.ToString(CultureInfo.InvariantCulture),
            Text = interaction.ModalValues.GetValueOrDefault("statement") ?? "",
            Date = Blank(interaction.ModalValues.GetValueOrDefault("date")),
            Topic = Blank(interaction.ModalValues.GetValueOrDefault("topic"))?.ToLowerInvariant(),
            SourceUrl = Blank(interaction.ModalValues.GetValueOrDefault("source")),
            FactId = factId,
        },
        interaction.GuildId,
        cancellationToken);
        return Private(result.Message);
    }

    private async Task<Reply> GapsAsync(CancellationToken cancellationToken)
    {
        var list = await gaps.ListAsync(cancellationToken);
        var text = list.Count == 0
            ? "No unanswered questions so far."
            : string.Join('\n', list.Take(20).Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Gap.Count}× {(g.CoveredNow ? "✅ covered now" : "open")}: {g.Gap.Question} (last {g.Gap.LastAsked:yyyy-MM-dd})")));
        return Private(text);
    }

    private Reply EditForm(int id) => store.FindFact(id) is { } fact
        ? ShowModal(FactForm(string.Create(CultureInfo.InvariantCulture, $"{EditModal}{id}:{fact.Version}"), $"Edit fact {id}", fact))
        : Private($"No fact with id {id}.");

    private Reply Edit(string customId, Interaction interaction, string moderator)
    {
        var parts = customId[EditModal.Length..].Split(':');
        var id = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var version = int.Parse(parts[1], CultureInfo.InvariantCulture);
        return Result(curation.Edit(id, version, Draft(interaction), moderator));
    }

    private Reply ShowFact(int id) => store.FindFact(id) is { } fact
        ? Private(FactText.Describe(fact) + "\n" + string.Join('\n', store.AuditOf($"fact/{id}").Select(AuditText.Line)))
        : Private($"No fact with id {id}.");

    private async Task<Reply> SearchAsync(string query, CancellationToken cancellationToken)
    {
        var facts = await search.SearchAsync(query, 10, cancellationToken);
        return Private(facts.Count == 0
            ? "No fact matches."
            : string.Join('\n', facts.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Id}: {DiscordLimits.Trim(f.Statement, 180)}"))));
    }

    private static FactDraft Draft(Interaction interaction)
    {
        var values = interaction.ModalValues;
        var source = values.GetValueOrDefault("source")?.Trim() ?? "";
        var articleId = int.TryParse(source, NumberStyles.None, CultureInfo.InvariantCulture, out var article) ? article : (int?)null;
        return new FactDraft(
            values.GetValueOrDefault("statement") ?? "",
            values.GetValueOrDefault("date")?.Trim() ?? "",
            values.GetValueOrDefault("topic")?.Trim().ToLowerInvariant() ?? "",
            ArticleId: articleId,
            SourceUrl: articleId is null ? source : null,
            Quote: Blank(values.GetValueOrDefault("quote")));
    }

    private static Modal FactForm(string customId, string title, Fact? fact) => new(customId, title,
    [
        Input("statement", "Statement (neutral; say whose claim it is)", TextInputStyle.Paragraph, fact?.Statement, 600),
        Input("date", "Date: YYYY, YYYY-MM or YYYY-MM-DD", TextInputStyle.Short, fact?.Date, 10),
        Input("topic", $"Topic: {string.Join(", ", Topics.All)}", TextInputStyle.Short, fact?.Topic, 20),
        Input("source", "Source: article id, or the URL of a public source", TextInputStyle.Short, fact?.Source?.Url, 500),
        Input("quote", "Quote from the article (optional)", TextInputStyle.Paragraph, null, 1000, required: false),
    ]);

    private static Modal SuggestForm() => new(SuggestModal, "Suggest a fact or a correction",
    [
        Input("statement", "The fact, or what should change", TextInputStyle.Paragraph, null, ReviewQueue.MaxTextLength),
        Input("date", "When (YYYY, YYYY-MM or YYYY-MM-DD)", TextInputStyle.Short, null, 10, required: false),
        Input("topic", $"Topic: {string.Join(", ", Topics.All)}", TextInputStyle.Short, null, 20, required: false),
        Input("source", "A public source (URL)", TextInputStyle.Short, null, 500, required: false),
        Input("fact", "Fact id, if this corrects a fact", TextInputStyle.Short, null, 10, required: false),
    ]);

    private static TextInput Input(string id, string label, TextInputStyle style, string? value = null, int max = 300, bool required = true) =>
        new() { CustomId = id, Label = DiscordLimits.Trim(label, 45), Style = style, Value = value, MaxLength = max, Required = required };

    private static int Id(Interaction interaction, string option) => (int)(interaction.GetOption(option)?.AsInteger() ?? 0);

    private static int Suffix(string customId, string prefix) => int.Parse(customId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Reply Result<T>(CurationResult<T> result)
        where T : class =>
        Private(result.Succeeded ? $"{result.Message} (audit {result.AuditId})" : result.Message);

    /// <summary>Updates the review post with the decision and tells the proposer by direct message.</summary>
    private async Task<Reply> DecidedAsync(CurationResult<Suggestion> result, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return Private(result.Message);
        }

        var told = await TellProposerAsync(result.Value!, cancellationToken) ? "; the proposer was told" : "; the proposer could not be messaged";
        return Reply.Update(new DiscordMessage { Content = DiscordLimits.Trim($"{result.Message} (audit {result.AuditId}{told})", DiscordLimits.Content) });
    }

    private async Task<bool> TellProposerAsync(Suggestion suggestion, CancellationToken cancellationToken)
    {
        if (!ulong.TryParse(suggestion.ProposerId, NumberStyles.None, CultureInfo.InvariantCulture, out var proposer))
        {
            return false;
        }

        try
        {
            var dm = await rest.CreateDmChannelAsync(proposer, cancellationToken);
            await rest.CreateMessageAsync(dm, new DiscordMessage { Content = ReviewQueue.OutcomeMessage(suggestion) }, cancellationToken);
            return true;
        }
        catch (DiscordRestException)
        {
            // Members may close their direct messages; the decision stands and the review post says so.
            return false;
        }
    }

    private Reply SuggestionForm(int id) => moderation.FindSuggestion(id) is { } suggestion
        ? ShowModal(new Modal(string.Create(CultureInfo.InvariantCulture, $"{EditApproveModal}{id}"), $"Edit and approve #{id}",
        [
            Input("statement", "Statement (neutral; say whose claim it is)", TextInputStyle.Paragraph, suggestion.Text, 600),
            Input("date", "Date: YYYY, YYYY-MM or YYYY-MM-DD", TextInputStyle.Short, suggestion.Date, 10),
            Input("topic", $"Topic: {string.Join(", ", Topics.All)}", TextInputStyle.Short, suggestion.Topic, 20),
            Input("source", "Source: article id, or the URL of a public source", TextInputStyle.Short, suggestion.SourceUrl, 500),
        ]))
        : Private($"No suggestion with id {id}.");

    private static Reply Private(string text) => Reply.Message(DiscordMessage.Text(DiscordLimits.Trim(text.Length == 0 ? "(none)" : text, DiscordLimits.Content), ephemeral: true));

    private static Reply ShowModal(Modal modal) => Reply.Modal(modal);

    /// <summary>How a moderation action answers: a private message, a form, or an update of the review post.</summary>
    private sealed record Reply(DiscordMessage? Text, Modal? Form, DiscordMessage? Replace, Func<Task<Reply>>? Deferred)
    {
        public static Reply Message(DiscordMessage message) => new(message, null, null, null);

        public static Reply Modal(Modal modal) => new(null, modal, null, null);

        public static Reply Update(DiscordMessage message) => new(null, null, message, null);

        public static Reply Later(Func<Task<Reply>> work) => new(null, null, null, work);

        public async Task SendAsync(IInteractionResponder responder, CancellationToken cancellationToken)
        {
            var reply = Deferred is null ? this : await Deferred();
            if (reply.Form is { } form)
            {
                await responder.ShowModalAsync(form, cancellationToken);
            }
            else if (reply.Replace is { } replace)
            {
                await responder.UpdateMessageAsync(replace, cancellationToken);
            }
            else
            {
                await responder.RespondAsync(reply.Text!, cancellationToken);
            }
        }
    }
}
