using System.Globalization;
using System.Text;
using BackgroundBot.Sessions;

namespace BackgroundBot.Quizzes;

/// <summary>
/// Puts the quizzes run in a session's channel while it ran into its transcript: each question with its right answer,
/// source and how the room answered, then the leaderboard. Names only, never mentions: the transcript is posted in Discord.
/// </summary>
public sealed class QuizTranscriptContributor(IQuizStore quizzes) : ITranscriptContributor
{
    public IReadOnlyList<TranscriptSection> SectionsFor(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!ulong.TryParse(session.ChannelId, NumberStyles.None, CultureInfo.InvariantCulture, out var channel))
        {
            return [];
        }

        return QuizResult.FinishedIn(quizzes, channel, session.StartedAt)
            .Where(r => session.EndedAt is not { } ended || r.Quiz.FinishedAt is not { } finished || finished <= ended)
            .Select((r, i) => new TranscriptSection(Heading(r, i), Markdown(r)))
            .ToList();
    }

    private static string Heading(QuizResult result, int index) =>
        string.IsNullOrWhiteSpace(result.Quiz.Topic)
            ? string.Create(CultureInfo.InvariantCulture, $"Quiz {index + 1}")
            : string.Create(CultureInfo.InvariantCulture, $"Quiz {index + 1}: {result.Quiz.Topic}");

    private static string Markdown(QuizResult result)
    {
        var text = new StringBuilder();
        for (var i = 0; i < result.Questions.Count; i++)
        {
            var (question, counts) = (result.Questions[i].Question, result.Questions[i].Counts);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {Line(question.Prompt)}\n");
            text.Append(CultureInfo.InvariantCulture, $"   Right answer: {Line(question.RightOption)} (fact {question.FactId}, {Line(question.SourceTitle)}");
            text.Append(question.SourceUrl is { } url ? $", {url})\n" : ")\n");
            var tally = question.Options.Select((o, n) => string.Create(CultureInfo.InvariantCulture, $"{Line(o)}: {counts[n]}"));
            text.Append(CultureInfo.InvariantCulture, $"   Answers: {string.Join(" · ", tally)}\n");
        }

        text.Append('\n');
        if (result.Leaderboard.Count == 0)
        {
            text.Append("Nobody answered.\n");
            return text.ToString();
        }

        text.Append("Leaderboard:\n");
        foreach (var entry in result.Leaderboard)
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.Rank}. {Line(entry.UserName)}: {entry.Points} points ({entry.Correct} of {entry.Answered} right)\n");
        }

        return text.ToString();
    }

    // A member's name or a fact's words must not open a heading or a list in the transcript's outline.
    private static string Line(string text) => text.ReplaceLineEndings(" ").TrimStart('#', '>', '-', '*', ' ');
}
