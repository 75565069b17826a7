using System.Globalization;
using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Knowledge;
using BackgroundBot.Discord.Rest;
using BackgroundBot.Moderation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Community;

/// <summary>
/// What community members see: <c>/ask</c> with a cited answer that streams in, its buttons (sources, feedback,
/// report), <c>/source</c>, <c>/about</c> and autocomplete.
/// </summary>
public sealed class CommunityInteractionHandler(
    IAnswerer answerer,
    QuestionGuard guard,
    ICommunityStore store,
    IKnowledgeStore knowledge,
    RequestLimiter limiter,
    SuggestedQuestions suggestions,
    DiscordRestClient rest,
    ReviewChannel reviewChannel,
    ServerSettings servers,
    IOptions<CommunityOptions> options,
    TimeProvider time,
    ILogger<CommunityInteractionHandler> logger,
    Operations.BotMetrics? metrics = null) : IInteractionModule
{
    public const string ReportModal = "answer:report-modal:";

    public IReadOnlyList<ApplicationCommandDefinition> Commands => CommunityCommands.All;

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.CommandName is CommunityCommands.Ask or CommunityCommands.Source or CommunityCommands.About
            || interaction.CustomId?.StartsWith("answer:", StringComparison.Ordinal) == true;
    }

    public Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken) =>
        (interaction.Type, interaction.CommandName, interaction.CustomId) switch
        {
            (InteractionType.ApplicationCommand, CommunityCommands.Ask, _) => AskAsync(interaction, responder, cancellationToken),
            (InteractionType.ApplicationCommand, CommunityCommands.Source, _) => SourceAsync(interaction, responder, cancellationToken),
            (InteractionType.ApplicationCommand, CommunityCommands.About, _) => AboutAsync(responder, cancellationToken),
            (InteractionType.Autocomplete, CommunityCommands.Ask, _) => responder.AutocompleteAsync(
                suggestions.For(interaction.FocusedOption?.AsString() ?? "").Select(q => new CommandChoice(q, q)).ToList(), cancellationToken),
            (InteractionType.MessageComponent, _, { } id) => ButtonAsync(interaction, id, responder, cancellationToken),
            (InteractionType.ModalSubmit, _, { } id) when id.StartsWith(ReportModal, StringComparison.Ordinal) => ReportAsync(interaction, id, responder, cancellationToken),
            _ => responder.RespondAsync(DiscordMessage.Text("I don't know that command; try /ask or /about.", ephemeral: true), cancellationToken),
        };

    private async Task AskAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var question = interaction.GetOption("question")?.AsString() ?? "";
        var isPrivate = interaction.GetOption("private")?.AsBoolean() ?? false;
        if (OutsideAllowedChannels(interaction) is { } allowed)
        {
            var channels = string.Join(", ", allowed.Select(c => string.Create(CultureInfo.InvariantCulture, $"<#{c}>")));
            await responder.RespondAsync(DiscordMessage.Text($"In this server I answer questions in {channels} (and in the threads on my answers there).", ephemeral: true), cancellationToken);
            return;
        }

        if (guard.Validate(question) is { } invalid)
        {
            await responder.RespondAsync(DiscordMessage.Text(invalid, ephemeral: true), cancellationToken);
            return;
        }

        if (!QuestionScreen.HasWords(question))
        {
            await responder.RespondAsync(DiscordMessage.Text("Your question is only mentions or links; please ask it in words.", ephemeral: true), cancellationToken);
            return;
        }

        var user = interaction.User.Id.ToString(CultureInfo.InvariantCulture);
        var channel = interaction.ChannelId?.ToString(CultureInfo.InvariantCulture) ?? "dm:" + user;
        if (limiter.TryAcquire(($"user:{user}", options.Value.QuestionsPerUserPerMinute), ($"channel:{channel}", options.Value.QuestionsPerChannelPerMinute)) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            await responder.RespondAsync(
                DiscordMessage.Text(string.Create(CultureInfo.InvariantCulture, $"That's a lot of questions at once: please try again in {seconds} seconds."), ephemeral: true),
                cancellationToken);
            return;
        }

        // In a thread the bot opened on an earlier answer, that answer's question is the context of this one.
        var thread = interaction.ChannelId is { } channelId ? store.FindAnswerByThread(channelId.ToString(CultureInfo.InvariantCulture)) : null;
        await responder.RespondAsync(AnswerMessage.LookingUp with { Ephemeral = isPrivate }, cancellationToken);
        AnswerRecord record;
        ulong messageId;
        try
        {
            (record, messageId) = await AnswerAsync(question, thread, user, channel, responder, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A member must never be left on "Looking that up…": the placeholder says the answer failed, and the failure goes
            // on to the interaction's edge, which tells the member privately, with a reference.
            await ReplacePlaceholderAsync(interaction, responder, AnswerMessage.Failed, cancellationToken);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The bot is stopping and could not wait for this answer: the placeholder says so, on a token of its own.
            using var notice = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            await ReplacePlaceholderAsync(interaction, responder, AnswerMessage.Restarting, notice.Token);
            throw;
        }

        if (record.Grounded && !isPrivate && thread is null && interaction.GuildId is not null && interaction.ChannelId is { } parent && messageId != 0)
        {
            await OpenThreadAsync(record, parent, messageId, cancellationToken);
        }
    }

    private async Task<(AnswerRecord Record, ulong MessageId)> AnswerAsync(
        string question, AnswerRecord? thread, string user, string channel, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        AskResult? final = null;
        var started = time.GetTimestamp();

        // The first draft shows at once; later ones wait out the interval, as Discord limits edits of one message.
        var lastEdit = DateTimeOffset.MinValue;
        await foreach (var update in answerer.StreamAsync(new AskRequest(question, thread?.Question, user), cancellationToken))
        {
            if (update.Final is { } done)
            {
                final = done;
            }
            else if (lastEdit == DateTimeOffset.MinValue || time.GetUtcNow() - lastEdit >= options.Value.StreamEditInterval)
            {
                await responder.EditOriginalAsync(AnswerMessage.Draft(update.Draft), cancellationToken);
                lastEdit = time.GetUtcNow();
            }
        }

        var answer = final?.Answer ?? throw new InvalidOperationException($"The answerer returned no answer: {final?.Error}");
        metrics?.Answered(answer, time.GetElapsedTime(started));
        var record = store.Write(write => write.InsertAnswer(new AnswerRecord
        {
            Question = answer.Question,
            Text = answer.Text,
            Grounded = answer.Grounded,
            Mode = answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
            PassageIds = answer.Citations.Select(c => c.PassageId).ToList(),
            AskerId = user,
            ChannelId = channel,
            CreatedAt = time.GetUtcNow(),
        }));
        var messageId = await responder.EditOriginalAsync(AnswerMessage.Build(answer, record.Id), cancellationToken);
        return (record, messageId);
    }

    private async Task ReplacePlaceholderAsync(Interaction interaction, IInteractionResponder responder, DiscordMessage notice, CancellationToken cancellationToken)
    {
        try
        {
            await responder.EditOriginalAsync(notice, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.PlaceholderNotReplaced(logger, interaction.Id, e);
        }
    }

    /// <summary>
    /// Opens a thread on the answer for follow-ups. A thread started from a message takes the message's id, so the
    /// answer knows its thread before the thread exists, and a follow-up can never arrive before the answer knows it.
    /// An answer without a thread is still an answer, so a failure only logs.
    /// </summary>
    private async Task OpenThreadAsync(AnswerRecord record, ulong channel, ulong messageId, CancellationToken cancellationToken)
    {
        var withThread = record with { ThreadId = messageId.ToString(CultureInfo.InvariantCulture) };
        store.Write(write =>
        {
            write.UpdateAnswer(withThread);
            return 0;
        });
        try
        {
            await rest.StartThreadFromMessageAsync(channel, messageId, record.Question, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or DiscordRestException)
        {
            Log.ThreadNotOpened(logger, record.Id, ex);
            store.Write(write =>
            {
                write.UpdateAnswer(record);
                return 0;
            });
        }
    }

    private async Task ButtonAsync(Interaction interaction, string customId, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var user = interaction.User.Id.ToString(CultureInfo.InvariantCulture);
        var separator = customId.LastIndexOf(':');
        if (separator < 0 || !int.TryParse(customId.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var answerId)
            || store.FindAnswer(answerId) is not { } record)
        {
            await responder.RespondAsync(DiscordMessage.Text("That answer is no longer in the store; ask again with /ask.", ephemeral: true), cancellationToken);
            return;
        }

        var prefix = customId[..(separator + 1)];
        switch (prefix)
        {
            case AnswerMessage.SourcesButton:
                var citations = new CitationList(knowledge);
                foreach (var passage in record.PassageIds.Select(knowledge.FindPassage).OfType<Passage>())
                {
                    citations.NumberOf(passage);
                }

                await responder.RespondAsync(SourcesMessage.Build(citations.Citations), cancellationToken);
                break;
            case AnswerMessage.HelpfulButton or AnswerMessage.UnhelpfulButton:
                var helpful = prefix == AnswerMessage.HelpfulButton;
                store.Write(write =>
                {
                    write.PutFeedback(new AnswerFeedback { Id = $"{answerId}:{user}", AnswerId = answerId, UserId = user, Helpful = helpful, At = time.GetUtcNow() });
                    return 0;
                });
                var noted = helpful ? "helpful" : "not helpful";
                await responder.RespondAsync(DiscordMessage.Text($"Thanks: noted as {noted}. You can change your vote any time.", ephemeral: true), cancellationToken);
                break;
            case AnswerMessage.ReportButton:
                await responder.ShowModalAsync(
                    new Modal($"{ReportModal}{answerId}", "Report a problem with this answer",
                    [
                        new TextInput
                        {
                            CustomId = "problem",
                            Label = "What is wrong with it?",
                            Style = TextInputStyle.Paragraph,
                            MinLength = 5,
                            MaxLength = ReviewQueue.MaxTextLength,
                            Placeholder = "A wrong date, a one-sided wording, a missing account…",
                        },
                    ]),
                    cancellationToken);
                break;
            default:
                await responder.RespondAsync(DiscordMessage.Text("That button is not mine to answer.", ephemeral: true), cancellationToken);
                break;
        }
    }

    /// <summary>
    /// The server's allowed channels when this one is not among them, else null. A follow-up thread the bot opened
    /// on an answer has its own channel id, and is always allowed: its answer was given in an allowed channel.
    /// </summary>
    private IReadOnlyList<ulong>? OutsideAllowedChannels(Interaction interaction) =>
        interaction.GuildId is { } guild && interaction.ChannelId is { } channel
            && servers.For(guild).AllowedChannelIds is { Count: > 0 } allowed && !allowed.Contains(channel)
            && store.FindAnswerByThread(channel.ToString(CultureInfo.InvariantCulture)) is null
            ? allowed
            : null;

    private async Task ReportAsync(Interaction interaction, string customId, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var answerId = int.Parse(customId.AsSpan(ReportModal.Length), NumberStyles.None, CultureInfo.InvariantCulture);
        var problem = interaction.ModalValues.GetValueOrDefault("problem") ?? "";
        var result = await reviewChannel.SubmitAsync(new Suggestion
        {
            Kind = SuggestionKind.Report,
            ProposerId = interaction.User.Id.ToString(CultureInfo.InvariantCulture),
            Text = problem,
            Question = store.FindAnswer(answerId)?.Question,
        },
        interaction.GuildId,
        cancellationToken);
        await responder.RespondAsync(DiscordMessage.Text(result.Message, ephemeral: true), cancellationToken);
    }

    private async Task SourceAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var id = (int)(interaction.GetOption("id")?.AsInteger() ?? 0);
        if (knowledge.FindPassage(id) is not { } passage)
        {
            await responder.RespondAsync(DiscordMessage.Text($"No passage with id {id}; cited sources show their passage ids.", ephemeral: true), cancellationToken);
            return;
        }

        var source = knowledge.DescribeSource(passage);
        var status = passage.Retired ? " · retired: no longer cited" : "";
        await responder.RespondAsync(
            new DiscordMessage
            {
                Embeds =
                [
                    new Embed
                    {
                        Title = DiscordLimits.Trim($"Passage {passage.Id} · {source.Title}", DiscordLimits.EmbedTitle),
                        Url = Uri.TryCreate(source.Url, UriKind.Absolute, out var url) ? url : null,
                        Description = DiscordLimits.Trim(passage.Text, DiscordLimits.EmbedDescription),
                        Footer = $"{(source.Published is null ? "Undated" : "Published " + source.Published)}{status}",
                    },
                ],
                Ephemeral = true,
            },
            cancellationToken);
    }

    private async Task AboutAsync(IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var articles = knowledge.ListArticles().Count;
        var facts = knowledge.CountActiveFacts();
        var mode = answerer.Mode == AnswerMode.Extractive
            ? "Answers quote the sources word for word (no language model is configured)."
            : "Answers are written by a language model from the retrieved passages, and every sentence must cite a passage it was given, or it is dropped.";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"I answer questions about the background of the Nagorno-Karabakh conflict: ceasefires, mediators and territorial history. "
            + $"Every answer comes from a curated fact store of {articles} articles and {facts} facts, with numbered citations you can open with **Show sources**. "
            + $"{mode} Where the store does not cover a question, I say so. I don't take sides: where places have two names I give both, and disputed claims are attributed.");
        text += $"\n\nVersion {Operations.BotVersion.Current}.";
        await responder.RespondAsync(
            new DiscordMessage { Embeds = [new Embed { Title = "About BackgroundBot", Description = text, Footer = "Moderators curate the fact store; every change is audited." }], Ephemeral = true },
            cancellationToken);
    }
}
