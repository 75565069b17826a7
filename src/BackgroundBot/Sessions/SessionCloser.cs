using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BackgroundBot.Discord.Models;
using BackgroundBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace BackgroundBot.Sessions;

/// <summary>
/// Ends a session, by a host or because its time ran out: marks it ended and stores its transcript in one transaction (so of
/// two instances closing it at once, one does), then posts the transcript in its channel as a Markdown file.
/// </summary>
public sealed class SessionCloser(ISessionStore store, TranscriptBuilder transcripts, DiscordRestClient rest, TimeProvider time, ILogger<SessionCloser> logger)
{
    // Sessions whose transcript this process is posting right now, so the clock's retry never posts one twice.
    private readonly ConcurrentDictionary<int, bool> _posting = new();

    /// <param name="endedBy">The host who ended it; null when its time ran out.</param>
    /// <returns>The ended session (without a transcript message when posting failed; it is posted later), or null when it had already ended.</returns>
    public async Task<Session?> CloseAsync(int sessionId, string? endedBy, CancellationToken cancellationToken)
    {
        var closed = store.Write(write =>
        {
            if (store.FindSession(sessionId) is not { Status: SessionStatus.Active } session)
            {
                return null;
            }

            // A session that ran out while no instance was running ends at its end time, not when it was noticed.
            var now = time.GetUtcNow();
            var ended = session with { Status = SessionStatus.Ended, EndedAt = endedBy is null && session.EndsAt < now ? session.EndsAt : now, EndedBy = endedBy };
            ended = ended with { Transcript = transcripts.Markdown(ended) };
            write.UpdateSession(ended);
            return ended;
        });
        if (closed is null)
        {
            return null;
        }

        Log.SessionEnded(logger, closed.Id, closed.ChannelId, endedBy is null ? "its time ran out" : "a host ended it");
        try
        {
            await PostTranscriptAsync(closed, cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException)
        {
            // The session has ended and its transcript is stored: the clock posts it at its next check.
            Log.TranscriptNotPosted(logger, ex);
        }

        return store.FindSession(closed.Id);
    }

    /// <summary>
    /// Posts the transcripts of ended sessions that never reached their channel (Discord was down, or the bot lacked a
    /// permission there); returns how many were posted.
    /// </summary>
    public async Task<int> PostUndeliveredAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var session in store.ListSessions().Where(s => s is { Status: SessionStatus.Ended, Transcript: not null, TranscriptMessageId: null }))
        {
            if (await PostTranscriptAsync(session, cancellationToken))
            {
                posted++;
            }
        }

        return posted;
    }

    private async Task<bool> PostTranscriptAsync(Session closed, CancellationToken cancellationToken)
    {
        if (!_posting.TryAdd(closed.Id, true))
        {
            return false;
        }

        try
        {
            var channel = ulong.Parse(closed.ChannelId, CultureInfo.InvariantCulture);
            var message = await rest.CreateMessageAsync(channel, TranscriptMessage(closed, closed.EndedBy is null ? "its time ran out" : null), cancellationToken);
            store.Write(write =>
            {
                write.UpdateSession(store.FindSession(closed.Id)! with { TranscriptMessageId = message.ToString(CultureInfo.InvariantCulture) });
                return 0;
            });
            await UpdateHeaderAsync(closed, channel, cancellationToken);
            return true;
        }
        finally
        {
            _posting.TryRemove(closed.Id, out _);
        }
    }

    private async Task UpdateHeaderAsync(Session closed, ulong channel, CancellationToken cancellationToken)
    {
        if (closed.HeaderMessageId is { } header)
        {
            try
            {
                await rest.EditMessageAsync(channel, ulong.Parse(header, CultureInfo.InvariantCulture), SessionHeader.Build(closed), cancellationToken);
            }
            catch (DiscordRestException ex)
            {
                // The header may have been deleted; the transcript is what matters.
                Log.HeaderNotUpdated(logger, closed.Id, ex);
            }
        }
    }

    /// <summary>A session's transcript as a message with the Markdown file attached.</summary>
    public static DiscordMessage TranscriptMessage(Session session, string? why, bool ephemeral = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var reason = why is null ? "" : $" ({why})";
        var text = session.Status == SessionStatus.Ended
            ? $"**Session #{session.Id.ToString(CultureInfo.InvariantCulture)} ended**{reason}: {session.Topic}. The transcript is attached."
            : $"The transcript of session #{session.Id.ToString(CultureInfo.InvariantCulture)} so far: {session.Topic}.";
        return new DiscordMessage
        {
            Content = Bot.DiscordLimits.Trim(text, Bot.DiscordLimits.Content),
            Files = [new MessageFile(FileName(session), Encoding.UTF8.GetBytes(session.Transcript ?? ""), "text/markdown; charset=utf-8")],
            Ephemeral = ephemeral,
        };
    }

    public static string FileName(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return string.Create(CultureInfo.InvariantCulture, $"session-{session.Id}-transcript.md");
    }
}
