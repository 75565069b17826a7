using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Answering;

/// <summary>
/// Checks a question before any retrieval: refuses empty and over-long ones, and recognises attempts to change
/// the bot's rules and requests to take sides, which are declined politely whatever the store holds.
/// </summary>
public sealed partial class QuestionGuard(IOptions<AnsweringOptions> options)
{
    /// <summary>Why the question cannot be taken at all, or null when it can.</summary>
    public string? Validate(string? question)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return "The question is empty: ask something about the Nagorno-Karabakh conflict's background.";
        }

        var length = question.Trim().Length;
        var max = options.Value.MaxQuestionLength;
        return length > max
            ? $"The question is {length} characters long; the limit is {max}. Please shorten it."
            : null;
    }

    /// <summary>Whether the question must be declined for what it asks the bot to do.</summary>
    public DeclineReason? Classify(string question)
    {
        if (RuleOverride().IsMatch(question))
        {
            return DeclineReason.RuleOverride;
        }

        return TakesSides().IsMatch(question) ? DeclineReason.TakesSides : null;
    }

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override|bypass|drop)\b.{0,40}\b(rules?|instructions?|guidelines|prompt|polic(y|ies)|restrictions?|guardrails?)\b"
        + @"|\byou are now\b|\bpretend (to be|you)\b|\bjailbreak|\bsystem prompt\b|\bdeveloper mode\b|\bfrom now on,? you\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RuleOverride();

    [GeneratedRegex(
        @"\b(which|what|whose) side\b.{0,40}\b(right|wrong|evil|good|bad|better|worse|blame|justified|deserves?|correct|on)\b"
        + @"|\bwho\b.{0,20}\b(is|was|are|were)\b.{0,12}\b(right|wrong|evil|good guys?|bad guys?|to blame|justified|in the right|the villains?|the heroes?)\b"
        + @"|\b(armenians?|azerbaijanis?|azeris?|armenia|azerbaijan|turks?)\b.{0,30}\b(are|is)\b.{0,15}\b(evil|terrorists?|bad|good|right|wrong|liars?|criminals?|savages?|monsters?)\b"
        + @"|\b(should|deserves? to)\b.{0,25}\b(win|lose)\b|\bdo you (support|side with|agree with)\b|\bare you (pro|for|on the side)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TakesSides();
}
