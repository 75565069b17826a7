using System.Globalization;
using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Community;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Sessions;

/// <summary>
/// The hosts' panel at work: answer next or a chosen question (the bot's cited answer, as a reply to the question), answer in
/// their own words, skip, merge duplicates, approve or reject, end. Every press is checked here against the session named in
/// the component: it must be active, in this server and channel, and the member one of its hosts; a forged press is refused.
/// </summary>
public sealed class SessionSteering(
    ISessionStore store,
    ICommunityStore answers,
    IAnswerer answerer,
    SessionQueue queue,
    SessionCloser closer,
    DiscordRestClient rest,
    TimeProvider time,
    ILogger<SessionSteering> logger)
{
    private const int Amber = 0xE9C46A;

    // One session's steering runs one press at a time in this process, so two hosts pressing Answer next together answer
    // two questions, not the top one twice. Striped by session id: a fixed number of locks, nothing to evict.
    private readonly SemaphoreSlim[] _steering = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>The panel of a session, as it stands.</summary>
    public DiscordMessage Panel(Session session, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var questions = store.QuestionsOf(session.Id);
        return SessionPanel.Build(session, questions, queue.FirstDuplicate(questions), note);
    }

    /// <summary>Posts a question in its session's channel and remembers its message.</summary>
    public async Task<SessionQuestion> ShowAsync(SessionQuestion question, ulong channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var message = await rest.CreateMessageAsync(channel, QuestionMessage.Build(question), cancellationToken);
        return store.Write(write =>
        {
            var current = store.FindQuestion(question.Id)!;
            return write.PutQuestion(current with { MessageId = Key(message) });
        });
    }

    /// <summary>Brings a question's message up to date (votes, answered, merged); a failure only logs.</summary>
    public async Task RefreshAsync(SessionQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.MessageId is null || store.FindSession(question.SessionId) is not { } session)
        {
            return;
        }

        try
        {
            await rest.EditMessageAsync(ulong.Parse(session.ChannelId, CultureInfo.InvariantCulture), ulong.Parse(question.MessageId, CultureInfo.InvariantCulture), QuestionMessage.Build(question), cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            Log.QuestionMessageNotUpdated(logger, question.Id, ex);
        }
    }

    public async Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        var customId = interaction.CustomId!;
        var modal = customId.StartsWith(SessionPanel.OwnWordsModal, StringComparison.Ordinal);
        var parts = (modal ? customId[SessionPanel.OwnWordsModal.Length..] : customId[SessionPanel.Prefix.Length..]).Split(':');
        var action = modal ? SessionPanel.OwnWordsModal : parts[0];
        var numbers = parts.Skip(modal ? 0 : 1).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        if (numbers.Count == 0 || numbers.Contains(-1) || Steerable(interaction, numbers[0]) is not { } session)
        {
            Log.ComponentRefused(logger, customId, interaction.User.Id);
            await responder.RespondAsync(DiscordMessage.Text(SessionsInteractionHandler.NotAHost + " (Or this session has ended.)", ephemeral: true), cancellationToken);
            return;
        }

        var host = Key(interaction.User.Id);
        if (action == SessionPanel.AnswerMyself)
        {
            // The modal names the question it answers, so the queue moving meanwhile changes nothing.
            if (SessionQueue.Open(store.QuestionsOf(session.Id)).FirstOrDefault() is not { } top)
            {
                await responder.UpdateMessageAsync(Panel(session, "The queue is empty."), cancellationToken);
                return;
            }

            await responder.ShowModalAsync(new Modal(string.Create(CultureInfo.InvariantCulture, $"{SessionPanel.OwnWordsModal}{session.Id}:{top.Id}"), "Answer in your own words",
            [
                new TextInput
                {
                    CustomId = "answer",
                    Label = DiscordLimits.Trim($"#{top.Id.ToString(CultureInfo.InvariantCulture)}: {top.Text}", 45),
                    Style = TextInputStyle.Paragraph,
                    MinLength = 1,
                    MaxLength = 3000,
                },
            ]), cancellationToken);
            return;
        }

        // Answering takes a moment (the answerer runs): acknowledge now, and put the new panel in place after.
        if (!modal)
        {
            await responder.DeferUpdateAsync(cancellationToken);
        }

        var gate = _steering[session.Id % _steering.Length];
        await gate.WaitAsync(cancellationToken);
        try
        {
            await SteerAsync(interaction, responder, session.Id, action, numbers, host, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task SteerAsync(
        Interaction interaction, IInteractionResponder responder, int sessionId, string action, List<int> numbers, string host, CancellationToken cancellationToken)
    {
        // Read under the session's lock: what an earlier press changed is seen, an end included.
        var session = store.FindSession(sessionId)!;
        if (session.Status != SessionStatus.Active)
        {
            await Reply(interaction, responder, Panel(session), cancellationToken);
            return;
        }

        var questions = store.QuestionsOf(session.Id);
        SessionQuestion? Question(int index) =>
            numbers.Count > index && questions.FirstOrDefault(q => q.Id == numbers[index]) is { } q ? q : null;
        string note;
        switch (action)
        {
            case SessionPanel.AnswerNext:
                note = SessionQueue.Open(questions).FirstOrDefault() is { } next ? await AnswerAsync(session, next, host, cancellationToken) : "The queue is empty.";
                break;
            case SessionPanel.AnswerChosen:
                note = interaction.Values.Count == 1 && int.TryParse(interaction.Values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var chosen)
                    && questions.FirstOrDefault(q => q.Id == chosen && q.Status == QuestionStatus.Open) is { } pick
                    ? await AnswerAsync(session, pick, host, cancellationToken)
                    : "That question is not open in this session.";
                break;
            case SessionPanel.Skip:
                note = SessionQueue.Open(questions).FirstOrDefault() is { } skipped
                    ? await SetStatusAsync(skipped, QuestionStatus.Skipped, $"Skipped #{Key(skipped.Id)}.", cancellationToken)
                    : "The queue is empty.";
                break;
            case SessionPanel.Merge:
                note = Question(1) is { Status: QuestionStatus.Open } keep && Question(2) is { Status: QuestionStatus.Open } duplicate && keep.Id != duplicate.Id
                    ? await MergeAsync(keep, duplicate, cancellationToken)
                    : "Those questions are no longer both open.";
                break;
            case SessionPanel.Approve:
                note = Question(1) is { Status: QuestionStatus.Pending } approved ? await ApproveAsync(session, approved, cancellationToken) : "Nothing is waiting for approval.";
                break;
            case SessionPanel.Reject:
                note = Question(1) is { Status: QuestionStatus.Pending } rejected
                    ? await SetStatusAsync(rejected, QuestionStatus.Rejected, $"Rejected #{Key(rejected.Id)}; nobody else ever saw it.", cancellationToken)
                    : "Nothing is waiting for approval.";
                break;
            case SessionPanel.OwnWordsModal:
                note = Question(1) is { Status: QuestionStatus.Open } own
                    ? await AnswerInOwnWordsAsync(session, own, host, interaction.User.DisplayName, interaction.ModalValues.GetValueOrDefault("answer") ?? "", cancellationToken)
                    : "That question is no longer open.";
                await responder.RespondAsync(Panel(store.FindSession(session.Id)!, note), cancellationToken);
                return;
            case SessionPanel.End:
                note = await closer.CloseAsync(session.Id, host, cancellationToken) is { TranscriptMessageId: null }
                    ? "The session has ended. Discord did not take its transcript just now; it is posted in the channel as soon as it does."
                    : "The session has ended; its transcript is posted in the channel.";
                break;
            default:
                note = "That button is not one of the panel's.";
                break;
        }

        await responder.UpdateMessageAsync(Panel(store.FindSession(session.Id)!, note), cancellationToken);
    }

    // A modal's submission answers with a new panel; a button's updates the panel it is on.
    private static Task Reply(Interaction interaction, IInteractionResponder responder, DiscordMessage panel, CancellationToken cancellationToken) =>
        interaction.Type == InteractionType.ModalSubmit ? responder.RespondAsync(panel, cancellationToken) : responder.UpdateMessageAsync(panel, cancellationToken);

    /// <summary>The session the component names, when it is active, in this server and channel, and the member hosts it.</summary>
    private Session? Steerable(Interaction interaction, int sessionId) =>
        store.FindSession(sessionId) is { Status: SessionStatus.Active } session
            && interaction.GuildId is { } guild && Key(guild) == session.GuildId
            && interaction.ChannelId is { } channel && Key(channel) == session.ChannelId
            && session.IsHost(Key(interaction.User.Id))
            ? session
            : null;

    private async Task<string> AnswerAsync(Session session, SessionQuestion question, string host, CancellationToken cancellationToken)
    {
        var result = await answerer.AskAsync(new AskRequest(question.Text, null, question.AskerId), cancellationToken);
        if (result.Answer is not { Grounded: true } answer)
        {
            return $"The fact store does not cover #{Key(question.Id)}, so nothing was posted: answer it with **Answer myself**, or skip it.";
        }

        var record = answers.Write(write => write.InsertAnswer(new AnswerRecord
        {
            Question = answer.Question,
            Text = answer.Text,
            Grounded = true,
            Mode = answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
            PassageIds = answer.Citations.Select(c => c.PassageId).ToList(),
            AskerId = question.AskerId,
            ChannelId = session.ChannelId,
            CreatedAt = time.GetUtcNow(),
        }));

        // The same embed, sources and buttons as /ask, as a reply to the question's message.
        await rest.CreateMessageAsync(Channel(session), AnswerMessage.Build(answer, record.Id) with { ReplyTo = Reply(question) }, cancellationToken);
        var answered = MarkAnswered(question, host, answer.Text, ownWords: false, record.Id, answer.Citations.Select(c => c.PassageId).ToList());
        await RefreshAsync(answered, cancellationToken);
        return $"Answered #{Key(question.Id)} with a cited answer.";
    }

    private async Task<string> AnswerInOwnWordsAsync(Session session, SessionQuestion question, string host, string hostName, string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return "An answer needs some words.";
        }

        await rest.CreateMessageAsync(Channel(session), new DiscordMessage
        {
            Content = "",
            Embeds =
            [
                new Embed
                {
                    Title = DiscordLimits.Trim(question.Text, DiscordLimits.EmbedTitle),
                    Description = DiscordLimits.Trim(text, DiscordLimits.EmbedDescription),
                    Footer = DiscordLimits.Trim($"Answered by {Names.Plain(hostName)} in their own words · not from the fact store", DiscordLimits.Footer),
                    Color = Amber,
                },
            ],
            ReplyTo = Reply(question),
        }, cancellationToken);
        var answered = MarkAnswered(question, host, text, ownWords: true, answerId: null, passageIds: []);
        await RefreshAsync(answered, cancellationToken);
        return $"Answered #{Key(question.Id)} in your own words.";
    }

    private SessionQuestion MarkAnswered(SessionQuestion question, string host, string text, bool ownWords, int? answerId, IReadOnlyList<int> passageIds) =>
        store.Write(write =>
        {
            var order = store.QuestionsOf(question.SessionId).Max(q => q.AnswerOrder) ?? 0;
            var current = store.FindQuestion(question.Id)!;
            return write.PutQuestion(current with
            {
                Status = QuestionStatus.Answered,
                AnswerOrder = order + 1,
                AnsweredAt = time.GetUtcNow(),
                AnsweredBy = host,
                AnswerText = text,
                OwnWords = ownWords,
                AnswerId = answerId,
                PassageIds = passageIds,
            });
        });

    private async Task<string> SetStatusAsync(SessionQuestion question, QuestionStatus status, string note, CancellationToken cancellationToken)
    {
        var changed = store.Write(write => write.PutQuestion(store.FindQuestion(question.Id)! with { Status = status }));
        await RefreshAsync(changed, cancellationToken);
        return note;
    }

    private async Task<string> MergeAsync(SessionQuestion keep, SessionQuestion duplicate, CancellationToken cancellationToken)
    {
        var (kept, merged) = store.Write(write =>
        {
            var k = store.FindQuestion(keep.Id)!;
            var d = store.FindQuestion(duplicate.Id)!;

            // Every member who voted for either counts once for the one kept; the duplicate's asker wanted it answered too.
            var voters = k.VoterIds.Concat(d.VoterIds).Distinct(StringComparer.Ordinal).ToList();
            return (write.PutQuestion(k with { VoterIds = voters }), write.PutQuestion(d with { Status = QuestionStatus.Merged, MergedInto = k.Id }));
        });
        await RefreshAsync(kept, cancellationToken);
        await RefreshAsync(merged, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"Merged #{merged.Id} into #{kept.Id}, which now has {kept.Votes} votes.");
    }

    private async Task<string> ApproveAsync(Session session, SessionQuestion question, CancellationToken cancellationToken)
    {
        var approved = store.Write(write => write.PutQuestion(store.FindQuestion(question.Id)! with { Status = QuestionStatus.Open }));
        await ShowAsync(approved, Channel(session), cancellationToken);
        return $"Approved #{Key(question.Id)}; it is now in the queue for everyone.";
    }

    private static ulong Channel(Session session) => ulong.Parse(session.ChannelId, CultureInfo.InvariantCulture);

    private static ulong? Reply(SessionQuestion question) =>
        question.MessageId is { } id ? ulong.Parse(id, CultureInfo.InvariantCulture) : null;

    private static string Key(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
