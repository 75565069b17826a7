using BackgroundBot.Retrieval;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Sessions;

/// <summary>The order questions are answered in, and which of them ask the same thing.</summary>
public sealed class SessionQueue(TextAnalyzer analyzer, IOptions<SessionsOptions> options)
{
    /// <summary>The open (visible, unanswered) questions, most votes first, then the oldest.</summary>
    public static IReadOnlyList<SessionQuestion> Open(IEnumerable<SessionQuestion> questions) =>
        questions.Where(q => q.Status == QuestionStatus.Open).OrderByDescending(q => q.Votes).ThenBy(q => q.AskedAt).ThenBy(q => q.Id).ToList();

    /// <summary>The questions waiting for approval, oldest first.</summary>
    public static IReadOnlyList<SessionQuestion> Pending(IEnumerable<SessionQuestion> questions) =>
        questions.Where(q => q.Status == QuestionStatus.Pending).OrderBy(q => q.AskedAt).ThenBy(q => q.Id).ToList();

    /// <summary>The first pair of open questions that ask the same thing: the older one to keep, the newer one to merge into it.</summary>
    public (SessionQuestion Keep, SessionQuestion Duplicate)? FirstDuplicate(IEnumerable<SessionQuestion> questions)
    {
        var open = questions.Where(q => q.Status == QuestionStatus.Open).OrderBy(q => q.Id).ToList();
        var terms = open.ToDictionary(q => q.Id, q => Terms(q.Text));
        for (var i = 0; i < open.Count; i++)
        {
            for (var j = i + 1; j < open.Count; j++)
            {
                if (Similar(terms[open[i].Id], terms[open[j].Id]))
                {
                    return (open[i], open[j]);
                }
            }
        }

        return null;
    }

    /// <summary>The open question that asks what <paramref name="text"/> asks, if any.</summary>
    public SessionQuestion? DuplicateOf(string text, IEnumerable<SessionQuestion> questions)
    {
        var terms = Terms(text);
        return questions.Where(q => q.Status == QuestionStatus.Open).OrderBy(q => q.Id).FirstOrDefault(q => Similar(terms, Terms(q.Text)));
    }

    // Stemmed content words, question words dropped: "When did the war end?" and "when was the end of the war" meet.
    private HashSet<string> Terms(string text) => analyzer.AnalyzeQuestion(text).ToHashSet(StringComparer.Ordinal);

    private bool Similar(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared) >= options.Value.DuplicateSimilarity;
    }
}
