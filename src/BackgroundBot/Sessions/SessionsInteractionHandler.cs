using System.Globalization;
using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Community;
using BackgroundBot.Discord.Interactions;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Sessions;

/// <summary>
/// <c>/session</c>, questions asked in a channel where a session runs (<c>/ask</c> there queues instead of answering), the
/// Upvote button, and the hosts' panel (<see cref="SessionSteering"/>).
/// </summary>
public sealed class SessionsInteractionHandler(
    ISessionStore store,
    EducatorPolicy policy,
    SessionSteering steering,
    SessionQueue queue,
    SessionCloser closer,
    TranscriptBuilder transcripts,
    QuestionGuard guard,
    RequestLimiter limiter,
    DiscordRestClient rest,
    IOptions<CommunityOptions> community,
    IOptions<SessionsOptions> options,
    TimeProvider time,
    ILogger<SessionsInteractionHandler> logger) : IInteractionModule
{
    public const string NoSession = "No session is running in this channel. An educator starts one with /session start.";
    public const string NotAHost = "Only the session's educator and co-hosts can do that.";

    public IReadOnlyList<ApplicationCommandDefinition> Commands => SessionsCommands.All;

    public bool Handles(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return interaction.CommandName == SessionsCommands.Session
            || interaction.CustomId?.StartsWith(SessionPanel.Prefix, StringComparison.Ordinal) == true
            // While a session runs in a channel, /ask there joins its queue.
            || (interaction is { Type: InteractionType.ApplicationCommand, CommandName: CommunityCommands.Ask, ChannelId: { } channel }
                && store.ActiveSessionIn(Key(channel)) is not null);
    }

    public Task HandleAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(responder);
        return (interaction.Type, interaction.CommandName, interaction.Subcommand) switch
        {
            (InteractionType.ApplicationCommand, CommunityCommands.Ask, _) => AskAsync(interaction, anonymous: false, responder, cancellationToken),
            (InteractionType.ApplicationCommand, _, SessionsCommands.Start) => StartAsync(interaction, responder, cancellationToken),
            (InteractionType.ApplicationCommand, _, SessionsCommands.Ask) =>
                AskAsync(interaction, interaction.GetOption("anonymous")?.AsBoolean() ?? false, responder, cancellationToken),
            (InteractionType.ApplicationCommand, _, SessionsCommands.Queue) => QueueAsync(interaction, responder, cancellationToken),
            (InteractionType.ApplicationCommand, _, SessionsCommands.Cohost) => CohostAsync(interaction, responder, cancellationToken),
            (InteractionType.ApplicationCommand, _, SessionsCommands.End) => EndAsync(interaction, responder, cancellationToken),
            (InteractionType.ApplicationCommand, _, SessionsCommands.Transcript) => TranscriptAsync(interaction, responder, cancellationToken),
            (InteractionType.ApplicationCommand, _, SessionsCommands.History) => HistoryAsync(interaction, responder, cancellationToken),
            (InteractionType.MessageComponent, _, _) when interaction.CustomId!.StartsWith(QuestionMessage.UpvoteButton, StringComparison.Ordinal) =>
                VoteAsync(interaction, responder, cancellationToken),
            (InteractionType.MessageComponent or InteractionType.ModalSubmit, _, _) => steering.HandleAsync(interaction, responder, cancellationToken),
            _ => Private(responder, "I don't know that session command.", cancellationToken),
        };
    }

    private async Task StartAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (interaction is not { GuildId: { } guild, ChannelId: { } channel })
        {
            await Private(responder, "Sessions run in a server's text channel or thread.", cancellationToken);
            return;
        }

        if (!policy.IsEducator(interaction))
        {
            await Private(responder, EducatorPolicy.NotAnEducator, cancellationToken);
            return;
        }

        var topic = (interaction.GetOption("topic")?.AsString() ?? "").Trim();
        var minutes = interaction.GetOption("duration")?.AsInteger();
        var duration = minutes is { } m ? TimeSpan.FromMinutes(m) : options.Value.DefaultDuration;
        if (topic.Length == 0)
        {
            await Private(responder, "Give the session a topic.", cancellationToken);
            return;
        }

        if (duration <= TimeSpan.Zero || duration > options.Value.MaxDuration)
        {
            await Private(responder, string.Create(CultureInfo.InvariantCulture, $"A session runs for 1 to {(int)options.Value.MaxDuration.TotalMinutes} minutes."), cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var session = store.Write(write => write.TryStartSession(new Session
        {
            GuildId = Key(guild),
            ChannelId = Key(channel),
            Topic = topic,
            EducatorId = Key(interaction.User.Id),
            EducatorName = interaction.User.DisplayName,
            Anonymous = interaction.GetOption("anonymous")?.AsBoolean() ?? false,
            Approval = interaction.GetOption("approval")?.AsBoolean() ?? false,
            StartedAt = now,
            EndsAt = now + duration,
        }));
        if (session is null)
        {
            await Private(responder, "A session is already running in this channel; its hosts end it with /session end.", cancellationToken);
            return;
        }

        Log.SessionStarted(logger, session.Id, session.ChannelId, session.EndsAt);
        var header = await rest.CreateMessageAsync(channel, SessionHeader.Build(session), cancellationToken);
        session = session with { HeaderMessageId = Key(header) };
        var saved = session;
        store.Write(write =>
        {
            write.UpdateSession(saved);
            return 0;
        });
        await responder.RespondAsync(SessionPanel.Build(session, [], null, "Your session has started. This panel is yours (only you see it); open it again any time with /session queue."), cancellationToken);
    }

    private async Task AskAsync(Interaction interaction, bool anonymous, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (interaction.ChannelId is not { } channel || store.ActiveSessionIn(Key(channel)) is not { } session)
        {
            await Private(responder, NoSession, cancellationToken);
            return;
        }

        var text = (interaction.GetOption("question")?.AsString() ?? "").Trim();
        if (guard.Validate(text) is { } invalid)
        {
            await Private(responder, invalid, cancellationToken);
            return;
        }

        if (!QuestionScreen.HasWords(text))
        {
            await Private(responder, "Your question is only mentions or links; please ask it in words.", cancellationToken);
            return;
        }

        // The same per-minute limits as /ask: a queue is no way around them.
        var user = Key(interaction.User.Id);
        if (limiter.TryAcquire(($"user:{user}", community.Value.QuestionsPerUserPerMinute), ($"channel:{session.ChannelId}", community.Value.QuestionsPerChannelPerMinute)) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            await Private(responder, string.Create(CultureInfo.InvariantCulture, $"That's a lot of questions at once: please try again in {seconds} seconds."), cancellationToken);
            return;
        }

        var earlier = queue.DuplicateOf(text, store.QuestionsOf(session.Id));
        var question = store.Write(write => write.PutQuestion(new SessionQuestion
        {
            SessionId = session.Id,
            Text = text,
            AskerId = user,
            AskerName = interaction.User.DisplayName,
            Anonymous = anonymous || session.Anonymous,
            Status = session.Approval ? QuestionStatus.Pending : QuestionStatus.Open,
            AskedAt = time.GetUtcNow(),
        }));
        if (session.Approval)
        {
            await Private(responder, string.Create(CultureInfo.InvariantCulture, $"Your question (#{question.Id}) is waiting for the educator's approval; it shows in the channel once approved."), cancellationToken);
            return;
        }

        // Posted by the bot, not as the reply to the command: an interaction reply shows who used the command, which would give an anonymous asker away.
        await steering.ShowAsync(question, channel, cancellationToken);
        var duplicate = earlier is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" A similar question is already queued (#{earlier.Id}); the educator may merge them, and your votes add up.");
        await Private(responder, string.Create(CultureInfo.InvariantCulture, $"Your question is in the queue as #{question.Id}.{duplicate}"), cancellationToken);
    }

    private async Task VoteAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        var voter = Key(interaction.User.Id);
        if (!int.TryParse(interaction.CustomId.AsSpan(QuestionMessage.UpvoteButton.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || store.FindQuestion(id) is not { } found || store.FindSession(found.SessionId) is not { } session
            || interaction.ChannelId is not { } channel || Key(channel) != session.ChannelId)
        {
            await Private(responder, "That question is not in a session here.", cancellationToken);
            return;
        }

        if (session.Status != SessionStatus.Active)
        {
            await Private(responder, "This session has ended, so its votes are closed.", cancellationToken);
            return;
        }

        var voted = store.Write(write =>
        {
            // Read again in the transaction: two members voting at once both count.
            var current = store.FindQuestion(id)!;
            if (current.Status != QuestionStatus.Open)
            {
                return null;
            }

            var voters = current.VoterIds.Contains(voter) ? current.VoterIds.Where(v => v != voter).ToList() : [.. current.VoterIds, voter];
            return write.PutQuestion(current with { VoterIds = voters });
        });
        if (voted is null)
        {
            await Private(responder, "That question is no longer open for votes.", cancellationToken);
            return;
        }

        await responder.DeferUpdateAsync(cancellationToken);
        await steering.RefreshAsync(voted, cancellationToken);
    }

    private async Task QueueAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (HostedSession(interaction) is not { } session)
        {
            await Private(responder, interaction.ChannelId is { } c && store.ActiveSessionIn(Key(c)) is not null ? NotAHost : NoSession, cancellationToken);
            return;
        }

        await responder.RespondAsync(steering.Panel(session), cancellationToken);
    }

    private async Task CohostAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (interaction.ChannelId is not { } channel || store.ActiveSessionIn(Key(channel)) is not { } session)
        {
            await Private(responder, NoSession, cancellationToken);
            return;
        }

        if (session.EducatorId != Key(interaction.User.Id) || interaction.GuildId is not { } guild || Key(guild) != session.GuildId)
        {
            await Private(responder, "Only the session's educator can add co-hosts.", cancellationToken);
            return;
        }

        if (interaction.GetOption("member")?.AsSnowflake() is not { } member)
        {
            await Private(responder, "Choose the member to make a co-host.", cancellationToken);
            return;
        }

        var cohost = Key(member);
        store.Write(write =>
        {
            var current = store.FindSession(session.Id)!;
            write.UpdateSession(current with { CohostIds = current.CohostIds.Contains(cohost) ? current.CohostIds : [.. current.CohostIds, cohost] });
            return 0;
        });
        await Private(responder, $"<@{cohost}> is now a co-host: /session queue opens the panel for them.", cancellationToken);
    }

    private async Task EndAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (HostedSession(interaction) is not { } session)
        {
            await Private(responder, interaction.ChannelId is { } c && store.ActiveSessionIn(Key(c)) is not null ? NotAHost : NoSession, cancellationToken);
            return;
        }

        await responder.DeferAsync(ephemeral: true, cancellationToken);
        var closed = await closer.CloseAsync(session.Id, Key(interaction.User.Id), cancellationToken);
        var text = closed switch
        {
            null => "That session had already ended.",
            { TranscriptMessageId: null } => "The session has ended. Discord did not take its transcript just now; it is posted in the channel as soon as it does.",
            _ => "The session has ended; its transcript is posted in the channel.",
        };
        await responder.RespondAsync(DiscordMessage.Text(text, ephemeral: true), cancellationToken);
    }

    private async Task TranscriptAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (interaction.ChannelId is not { } channel || store.ActiveSessionIn(Key(channel)) is not { } session)
        {
            await Private(responder, "No session is running in this channel; /session history lists the past ones and gives their transcripts.", cancellationToken);
            return;
        }

        var live = session with { Transcript = transcripts.Markdown(session) };
        await responder.RespondAsync(SessionCloser.TranscriptMessage(live, null, ephemeral: true), cancellationToken);
    }

    private async Task HistoryAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        if (interaction.ChannelId is not { } channel)
        {
            await Private(responder, NoSession, cancellationToken);
            return;
        }

        var ended = store.ListSessions(Key(channel)).Where(s => s.Status == SessionStatus.Ended).ToList();
        if (interaction.GetOption("id")?.AsInteger() is { } id)
        {
            if (ended.FirstOrDefault(s => s.Id == id) is not { } session)
            {
                await Private(responder, "No ended session with that id in this channel; /session history lists them.", cancellationToken);
                return;
            }

            await responder.RespondAsync(SessionCloser.TranscriptMessage(session, null, ephemeral: true), cancellationToken);
            return;
        }

        if (ended.Count == 0)
        {
            await Private(responder, "No session has ended in this channel yet.", cancellationToken);
            return;
        }

        var lines = ended.Take(20).Select(s => string.Create(CultureInfo.InvariantCulture,
            $"#{s.Id} · {DiscordLimits.Trim(s.Topic, 80)} · {s.StartedAt.UtcDateTime:yyyy-MM-dd} · {Names.Plain(s.EducatorName)}"));
        await Private(responder, DiscordLimits.Trim("Past sessions here (newest first); `/session history id:N` gives a transcript:\n" + string.Join('\n', lines), DiscordLimits.Content), cancellationToken);
    }

    /// <summary>The active session in the interaction's channel, when the member hosts it.</summary>
    private Session? HostedSession(Interaction interaction) =>
        interaction.ChannelId is { } channel && store.ActiveSessionIn(Key(channel)) is { } session
            && session.IsHost(Key(interaction.User.Id)) && interaction.GuildId is { } guild && Key(guild) == session.GuildId
            ? session
            : null;

    private static Task Private(IInteractionResponder responder, string text, CancellationToken cancellationToken) =>
        responder.RespondAsync(DiscordMessage.Text(text, ephemeral: true), cancellationToken);

    private static string Key(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
