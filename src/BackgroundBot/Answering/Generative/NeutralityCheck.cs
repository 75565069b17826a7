using System.Text.RegularExpressions;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Answering.Generative;

/// <summary>
/// Drops a sentence that takes sides or states a verdict ("one side is to blame", "the aggressor", "should
/// withdraw") unless it reports it as a party's claim ("Armenia accuses...", "Azerbaijan calls it...") and the
/// cited passages use the same words. The bot never judges in its own voice, and an article's own verdict (or an
/// instruction planted in one) does not become the bot's by being cited.
/// </summary>
public sealed partial class NeutralityCheck : ISupportCheck
{
    // Judgements of the parties and normative claims, as the analyzer stems them. Left out where the stem is also a
    // plain description: "right" and "rightful" (the right of return, the right bank; "was right" is caught by
    // SideTaking instead), "occupier" (stems like "occupied forces"), "outrageous" (like "sparked outrage").
    private const string VerdictWords =
        "blame blamed blameworthy fault guilty culprit aggressor aggressors aggression evil villain villains wicked wrong wrongly wrongful "
        + "justified unjustified unjustifiable legitimate illegitimate righteous deserve deserved deserves heroic hero heroes "
        + "barbaric barbarian criminal criminals atrocity atrocities shameful disgrace disgraceful unacceptable "
        + "liar liars lie lies lied propaganda illegal unlawful immoral terrorist terrorists terrorism genocide cleansing "
        + "oppressor oppressors should ought must";

    private readonly TextAnalyzer _analyzer;
    private readonly HashSet<string> _verdicts;

    public NeutralityCheck(TextAnalyzer analyzer)
    {
        _analyzer = analyzer;
        _verdicts = new HashSet<string>(analyzer.AnalyzeDocument(VerdictWords), StringComparer.Ordinal);
    }

    public ValueTask<SupportResult> CheckAsync(string sentence, IReadOnlyList<PromptPassage> cited, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(cited);
        return ValueTask.FromResult(Check(sentence, cited));
    }

    private SupportResult Check(string sentence, IReadOnlyList<PromptPassage> cited)
    {
        var verdicts = _analyzer.AnalyzeDocument(sentence).Where(_verdicts.Contains).Distinct(StringComparer.Ordinal).ToList();
        var sideTaking = SideTaking().Match(sentence);
        if (verdicts.Count == 0 && !sideTaking.Success)
        {
            return SupportResult.Supported;
        }

        var said = sideTaking.Success ? sideTaking.Value : verdicts[0];

        // "According to the article" or "the passage says" is the article's own voice, not a party's claim.
        if (!Attribution().IsMatch(OwnVoice().Replace(sentence, "")))
        {
            return SupportResult.Unsupported($"it states a verdict (\"{said}\") in its own voice, not as a party's claim");
        }

        var evidence = new HashSet<string>(cited.SelectMany(p => _analyzer.AnalyzeDocument(p.Text)), StringComparer.Ordinal);
        if (verdicts.FirstOrDefault(v => !evidence.Contains(v)) is { } absent)
        {
            return SupportResult.Unsupported($"the verdict \"{absent}\" is not in the passage");
        }

        if (sideTaking.Success && !cited.Any(p => SideTaking().IsMatch(p.Text)))
        {
            return SupportResult.Unsupported($"the passage does not say \"{said}\"");
        }

        return SupportResult.Supported;
    }

    [GeneratedRegex(@"\b(?:(?:take|takes|took|taking)\s+(?:a\s+)?sides?|sided\s+with|(?:is|are|was|were)\s+(?:right|correct|in\s+the\s+right)\b(?!\s+(?:bank|side|of)))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SideTaking();

    [GeneratedRegex(@"\b(?:say|says|said|saying|according\s+to|accuse[sd]?|accusing|claim(?:s|ed|ing)?|state[sd]|stating|call(?:s|ed|ing)?|describe[sd]?|describing|alleg(?:e|es|ed|ing|edly)|argue[sd]?|arguing|insist(?:s|ed|ing)?|maintain(?:s|ed)?|den(?:y|ies|ied)|consider(?:s|ed)?|regard(?:s|ed)?|view(?:s|ed)?|assert(?:s|ed)?|clarif(?:y|ies|ied)|emphasi[sz](?:e|es|ed)|condemn(?:s|ed)?|characteri[sz](?:e|es|ed)|label(?:s|led|ed)?|term(?:s|ed)|explain(?:s|ed|ing)?|refer(?:s|red|ring)?\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\b(?:according\s+to\s+)?(?:the|this|that|an?|its)\s+(?:article|passage|source|report|text)s?(?:\s+(?:says|said|states|stated|reports|reported|notes|noted|claims|claimed|describes|described|calls|called))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnVoice();
}
