using System.Globalization;
using System.Text;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Sessions;

/// <summary>
/// The educator's private panel: the queue by votes then age, and the buttons that steer the session. Every button names
/// its session; the press is checked on the server against the session's hosts.
/// </summary>
public static class SessionPanel
{
    public const string Prefix = "session:";
    public const string AnswerNext = "next";
    public const string AnswerChosen = "pick";
    public const string Skip = "skip";
    public const string Merge = "merge";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string AnswerMyself = "own";
    public const string End = "end";
    public const string OwnWordsModal = "session:own-modal:";

    /// <param name="note">What the last action did (or why it could not), shown above the queue.</param>
    public static DiscordMessage Build(Session session, IReadOnlyList<SessionQuestion> questions, (SessionQuestion Keep, SessionQuestion Duplicate)? duplicate, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(questions);
        var open = SessionQueue.Open(questions);
        var pending = SessionQueue.Pending(questions);
        var answered = questions.Count(q => q.Status == QuestionStatus.Answered);
        var text = new StringBuilder();
        if (note is not null)
        {
            text.Append(note).Append("\n\n");
        }

        if (session.Status != SessionStatus.Active)
        {
            text.Append("This session has ended.");
            return new DiscordMessage { Content = "", Embeds = [Embed(session, text.ToString(), answered, open.Count)], Components = [], Ephemeral = true };
        }

        text.Append(open.Count == 0 ? "The queue is empty." : "**Queue** (most votes first):");
        foreach (var (question, i) in open.Take(10).Select((q, i) => (q, i)))
        {
            text.Append('\n').Append(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. #{question.Id} ▲{question.Votes} {DiscordLimits.Trim(question.Text, 150)}"));
        }

        if (open.Count > 10)
        {
            text.Append('\n').Append(string.Create(CultureInfo.InvariantCulture, $"… and {open.Count - 10} more"));
        }

        if (pending.Count > 0)
        {
            text.Append("\n\n").Append(string.Create(CultureInfo.InvariantCulture, $"**Waiting for approval** ({pending.Count}): #{pending[0].Id} {DiscordLimits.Trim(pending[0].Text, 200)}"));
            text.Append('\n').Append(QuestionMessage.AskedBy(pending[0]));
        }

        if (duplicate is { } d)
        {
            text.Append("\n\n").Append(string.Create(CultureInfo.InvariantCulture, $"**Possible duplicate:** #{d.Duplicate.Id} asks what #{d.Keep.Id} asks; Merge adds its votes to #{d.Keep.Id}."));
        }

        var id = session.Id.ToString(CultureInfo.InvariantCulture);
        var rows = new List<ActionRow>
        {
            new([
                Button("Answer next", AnswerNext, id, ButtonStyle.Success, open.Count == 0),
                Button("Answer myself", AnswerMyself, id, ButtonStyle.Primary, open.Count == 0),
                Button("Skip", Skip, id, ButtonStyle.Secondary, open.Count == 0),
                new Button
                {
                    Label = "Merge", Style = ButtonStyle.Secondary, Disabled = duplicate is null,
                    CustomId = duplicate is { } m ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Merge}:{id}:{m.Keep.Id}:{m.Duplicate.Id}") : $"{Prefix}{Merge}:{id}",
                },
                Button("End session", End, id, ButtonStyle.Danger, false),
            ]),
        };
        if (session.Approval)
        {
            var first = pending.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $":{pending[0].Id}") : "";
            rows.Add(new([
                new Button { Label = "Approve", CustomId = $"{Prefix}{Approve}:{id}{first}", Style = ButtonStyle.Success, Disabled = pending.Count == 0 },
                new Button { Label = "Reject", CustomId = $"{Prefix}{Reject}:{id}{first}", Style = ButtonStyle.Danger, Disabled = pending.Count == 0 },
            ]));
        }

        if (open.Count > 0)
        {
            rows.Add(new([
                new SelectMenu
                {
                    CustomId = $"{Prefix}{AnswerChosen}:{id}",
                    Placeholder = "Answer a chosen question…",
                    Options = open.Take(25).Select(q => new SelectMenuOption(
                        DiscordLimits.Trim(string.Create(CultureInfo.InvariantCulture, $"#{q.Id} ▲{q.Votes} {q.Text}"), 100),
                        q.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
                },
            ]));
        }

        return new DiscordMessage { Content = "", Embeds = [Embed(session, text.ToString(), answered, open.Count)], Components = rows, Ephemeral = true };
    }

    private static Embed Embed(Session session, string text, int answered, int open) => new()
    {
        Title = DiscordLimits.Trim($"Session #{session.Id}: {session.Topic}", DiscordLimits.EmbedTitle),
        Description = DiscordLimits.Trim(text, DiscordLimits.EmbedDescription),
        Footer = string.Create(CultureInfo.InvariantCulture, $"{open} in the queue · {answered} answered · only hosts see this panel"),
    };

    private static Button Button(string label, string action, string session, ButtonStyle style, bool disabled) =>
        new() { Label = label, CustomId = $"{Prefix}{action}:{session}", Style = style, Disabled = disabled };
}
