namespace BackgroundBot.Answering.Evaluation;

/// <summary>
/// The development set's scoring rules: an answerable question is passed when the answer is grounded, contains one
/// of its keywords (case-insensitive) and cites a passage or fact whose text contains one; a contested question
/// must also name each side (a keyword from each list of <c>accounts</c>); a refusal must be declined.
/// </summary>
public static class EvalScorer
{
    public static EvalOutcome Score(EvalQuestion question, GroundedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        return new EvalOutcome(question, Miss(question, answer) is null, Miss(question, answer), answer);
    }

    private static string? Miss(EvalQuestion question, GroundedAnswer answer)
    {
        if (question.Kind == EvalQuestion.Refuse)
        {
            return answer.Grounded ? "answered, but should be declined" : null;
        }

        if (!answer.Grounded)
        {
            return $"declined ({answer.Declined?.ToString() ?? "not grounded"})";
        }

        if (!question.AnswerKeywords.Any(k => Contains(answer.Text, k)))
        {
            return $"no keyword in the answer (wanted one of: {string.Join(", ", question.AnswerKeywords)})";
        }

        if (!answer.Citations.Any(c => question.AnswerKeywords.Any(k => Contains(c.Quote, k))))
        {
            return "no cited passage holds a keyword";
        }

        var missing = question.Accounts.Where(side => !side.Any(k => Contains(answer.Text, k))).ToList();
        return missing.Count > 0 ? $"one side's account only (missing: {string.Join(" / ", missing.Select(m => m[0]))})" : null;
    }

    private static bool Contains(string text, string keyword) => text.Contains(keyword, StringComparison.OrdinalIgnoreCase);
}
