using System.Globalization;
using System.Text;
using BackgroundBot.Answering;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Sessions;

/// <summary>Builds a session's transcript from the store, and writes it as Markdown.</summary>
public sealed class TranscriptBuilder(ISessionStore sessions, IKnowledgeStore knowledge, IEnumerable<ITranscriptContributor> contributors)
{
    public SessionTranscript Build(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var questions = sessions.QuestionsOf(session.Id);

        // Only what members could see: pending and rejected questions never were.
        var shown = questions.Where(q => q.Status is not (QuestionStatus.Pending or QuestionStatus.Rejected)).ToList();
        var kept = shown.Where(q => q.Status != QuestionStatus.Merged).ToList();
        var participants = shown.Select(q => q.AskerId).Concat(shown.SelectMany(q => q.VoterIds)).Distinct(StringComparer.Ordinal).Count();
        var sources = new List<Citation>();
        TranscriptQuestion Describe(SessionQuestion q)
        {
            var citations = Citations(q.PassageIds);
            foreach (var c in citations.Where(c => !sources.Any(s => SameSource(s, c))))
            {
                sources.Add(c with { N = sources.Count + 1 });
            }

            var merged = shown.Where(m => m.Status == QuestionStatus.Merged && m.MergedInto == q.Id).Select(m => m.Text).ToList();
            return new TranscriptQuestion(q.Id, q.Text, q.Anonymous ? null : q.AskerName, q.Votes, q.Status.ToString().ToLowerInvariant(),
                q.AnswerOrder, q.AnswerText, q.OwnWords, citations, merged);
        }

        var answers = kept.Where(q => q.Status == QuestionStatus.Answered).OrderBy(q => q.AnswerOrder).ThenBy(q => q.AnsweredAt).Select(Describe).ToList();
        var unanswered = kept.Where(q => q.Status != QuestionStatus.Answered)
            .OrderByDescending(q => q.Votes).ThenBy(q => q.AskedAt).ThenBy(q => q.Id).Select(Describe).ToList();
        var sections = contributors.SelectMany(c => c.SectionsFor(session)).ToList();
        return new SessionTranscript(session.Id, session.Topic, session.EducatorName, session.StartedAt, session.EndedAt,
            session.Status == SessionStatus.Ended && session.EndedBy is null, participants, kept.Count, answers.Count, kept.Sum(q => q.Votes),
            answers, unanswered, sources, sections);
    }

    public string Markdown(Session session) => ToMarkdown(Build(session));

    public static string ToMarkdown(SessionTranscript t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var md = new StringBuilder();
        md.Append("# Live Q&A: ").Append(Line(t.Topic)).Append("\n\n");
        md.Append("- Session: #").Append(t.Id.ToString(CultureInfo.InvariantCulture)).Append('\n');
        md.Append("- Educator: ").Append(Line(t.Educator)).Append('\n');
        md.Append("- Started: ").Append(When(t.StartedAt)).Append('\n');
        md.Append("- Ended: ").Append(t.EndedAt is { } end ? When(end) + (t.EndedByTime ? " (its time ran out)" : "") : "still running").Append('\n');
        md.Append(string.Create(CultureInfo.InvariantCulture, $"- Participants: {t.Participants}\n- Questions: {t.Questions}\n- Answered: {t.Answered}\n- Votes: {t.Votes}\n"));

        md.Append("\n## Answered\n");
        if (t.Answers.Count == 0)
        {
            md.Append("\nNone.\n");
        }

        foreach (var q in t.Answers)
        {
            Question(md, q, string.Create(CultureInfo.InvariantCulture, $"{q.AnswerOrder}. "));
        }

        md.Append("\n## Not answered\n");
        if (t.Unanswered.Count == 0)
        {
            md.Append("\nNone.\n");
        }

        foreach (var q in t.Unanswered)
        {
            Question(md, q, "");
        }

        foreach (var section in t.Sections)
        {
            md.Append("\n## ").Append(Line(section.Heading)).Append("\n\n").Append(section.Markdown.TrimEnd()).Append('\n');
        }

        md.Append("\n## Sources\n");
        if (t.Sources.Count == 0)
        {
            md.Append("\nNone cited.\n");
        }
        else
        {
            md.Append('\n');
        }

        foreach (var s in t.Sources)
        {
            md.Append(string.Create(CultureInfo.InvariantCulture, $"{s.N}. {Source(s)}\n"));
        }

        return md.ToString();
    }

    private static void Question(StringBuilder md, TranscriptQuestion q, string number)
    {
        md.Append("\n### ").Append(number).Append(Line(q.Text)).Append('\n');
        var votes = q.Votes == 1 ? "1 vote" : string.Create(CultureInfo.InvariantCulture, $"{q.Votes} votes");
        var state = q.Status == "skipped" ? " · skipped" : "";
        md.Append("\n*").Append(q.AskedBy is null ? "Asked anonymously" : "Asked by " + Line(q.AskedBy)).Append(" · ").Append(votes).Append(state).Append("*\n");
        foreach (var merged in q.Merged)
        {
            md.Append("\nAlso asked: ").Append(Line(merged)).Append('\n');
        }

        if (q.Answer is null)
        {
            return;
        }

        md.Append("\n**Answer** (").Append(q.OwnWords ? "in the educator's own words, not cited" : "cited from the fact store").Append("):\n\n");
        md.Append(Block(q.Answer)).Append('\n');
        if (q.Citations.Count > 0)
        {
            md.Append('\n');
            foreach (var c in q.Citations)
            {
                md.Append(string.Create(CultureInfo.InvariantCulture, $"- [{c.N}] {Source(c)}\n"));
            }
        }
    }

    private List<Citation> Citations(IReadOnlyList<int> passageIds)
    {
        var list = new CitationList(knowledge);
        foreach (var passage in passageIds.Select(knowledge.FindPassage).OfType<Passage>())
        {
            list.NumberOf(passage);
        }

        return [.. list.Citations];
    }

    private static bool SameSource(Citation a, Citation b) =>
        a.ArticleId == b.ArticleId && a.FactId == b.FactId && string.Equals(a.ArticleTitle, b.ArticleTitle, StringComparison.Ordinal);

    private static string Source(Citation c)
    {
        var date = c.Published is null ? "" : $" ({c.Published})";
        var url = c.Url is { Length: > 0 } u ? $" <{u}>" : "";
        return $"{Line(c.ArticleTitle)}{date}{url}";
    }

    // An answer keeps its paragraphs, but a line of it cannot open a heading that would break the transcript's outline.
    private static string Block(string text) =>
        string.Join('\n', text.Trim().Split('\n').Select(l => l.TrimStart().StartsWith('#') ? "\\" + l.TrimStart() : l.TrimEnd('\r')));

    // One line of text: a question or a name cannot start a heading or break the list it sits in.
    private static string Line(string text) => string.Join(' ', (text ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
