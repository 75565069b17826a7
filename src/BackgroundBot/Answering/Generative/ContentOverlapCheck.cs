using System.Text.RegularExpressions;
using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;
using BackgroundBot.Text;

namespace BackgroundBot.Answering.Generative;

/// <summary>
/// A sentence is supported when its content words, after the index's analyzer (stemming, stop words, numbers
/// folded so "six" meets "6"), are largely present in the passages it cites: at least <see cref="MinOverlap"/> of
/// them, every number, and a negation only where a cited passage negates too. A place may be named by any of its
/// aliases ("Khankendi" for a passage's "Stepanakert"). It catches a cited sentence the passage never said
/// ("PWNED, one side is to blame. [2]"), a changed number and a flipped claim; not a paraphrase in other words,
/// which is what a meaning-based check adds.
/// </summary>
public sealed partial class ContentOverlapCheck : ISupportCheck
{
    /// <summary>
    /// The share of a sentence's content words its passages must contain. An honest paraphrase keeps nearly all of
    /// the passage's nouns and adds a verb or two of its own ("ended", "tried"): the seed article's paraphrases in the
    /// tests score 0.8 to 1. A short sentence that brings its own claim ("Azerbaijan started the war over the corridor",
    /// 2 of 4) fails; four of five is the least that passes, so a four-word claim must be wholly in the passage.
    /// </summary>
    public const double MinOverlap = 0.8;

    // Words that carry no claim of their own, beyond Lucene's short stop list: function words, and the attribution
    // the prompt asks for ("according to the article", "Azerbaijan says").
    private const string Uninformative =
        "about above across after again against all also among any around because been before being below between both can could did do does doing during each few from further had has have having he her here hers him his how however i its itself just me more most my now off once only other our out over own same she so some than them those through too under until up upon very via we were what when where which while who whom whose why would you your yet still since within "
        + "according article articles passage passages source sources say says said saying state states stated report reports reported claim claims claimed describe describes described mention mentions mentioned note notes noted deny denies denied";

    // Variants share five letters and differ in at most three at the end of each: enough that "state" and
    // "statement" or "conflict" and "confirm" stay apart.
    private const int MinStem = 5;
    private const int MaxEnding = 3;

    private readonly TextAnalyzer _analyzer;
    private readonly IKnowledgeStore _store;
    private readonly HashSet<string> _uninformative;

    public ContentOverlapCheck(TextAnalyzer analyzer, IKnowledgeStore store)
    {
        _analyzer = analyzer;
        _store = store;
        _uninformative = new HashSet<string>(analyzer.AnalyzeDocument(Uninformative), StringComparer.Ordinal);
    }

    public ValueTask<SupportResult> CheckAsync(string sentence, IReadOnlyList<PromptPassage> cited, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(cited);
        return ValueTask.FromResult(Check(sentence, cited));
    }

    private SupportResult Check(string sentence, IReadOnlyList<PromptPassage> cited)
    {
        var terms = _analyzer.AnalyzeDocument(sentence).Where(t => !_uninformative.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return SupportResult.Unsupported("it has no content words to check");
        }

        // The title was shown with each passage; the date was too, but it says when the article appeared, not when
        // anything happened, so a year is only supported by the text.
        var evidence = new HashSet<string>(
            cited.SelectMany(p => _analyzer.AnalyzeDocument($"{p.Title}\n{p.Text}")),
            StringComparer.Ordinal);
        var missing = terms.Where(t => !IsPresent(t, evidence)).ToList();
        if (missing.Count > 0)
        {
            var aliases = AliasNames();
            missing.RemoveAll(t => IsNamedOtherwise(t, evidence, aliases));
        }

        // A lone 1 is as often "one of the mediators" as a count, and not every passage's "one" reads as 1.
        if (missing.FirstOrDefault(t => t != "1" && t.Any(char.IsAsciiDigit)) is { } number)
        {
            return SupportResult.Unsupported($"the number {number} is not in the passage");
        }

        var present = terms.Count - missing.Count;
        if (present < MinOverlap * terms.Count)
        {
            return SupportResult.Unsupported($"only {present} of its {terms.Count} content words are in the passage (missing: {string.Join(", ", missing)})");
        }

        if (Negation().IsMatch(sentence) && !IsNegatedIn(terms, cited))
        {
            return SupportResult.Unsupported("it negates what the passage does not");
        }

        return SupportResult.Supported;
    }

    /// <summary>
    /// A negated sentence ("Russia did not broker the ceasefire") needs a sentence of the passage that negates too
    /// ("has yet to be reached", "denies") and shares at least half of its content words; a negation elsewhere in
    /// the passage does not make a flipped claim true.
    /// </summary>
    private bool IsNegatedIn(List<string> terms, IReadOnlyList<PromptPassage> cited)
    {
        foreach (var passage in cited)
        {
            foreach (var range in SentenceSplitter.Split(passage.Text))
            {
                var sentence = passage.Text[range];
                if (!NegationCue().IsMatch(sentence))
                {
                    continue;
                }

                var said = new HashSet<string>(_analyzer.AnalyzeDocument(sentence), StringComparer.Ordinal);
                if (terms.Count(t => IsPresent(t, said)) * 2 >= terms.Count)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The term, or a variant the stemmer leaves apart: "Russian" for "Russia", "Azerbaijani" for "Azerbaijan",
    /// "defence" for "defense", "recognised" for "recognized".
    /// </summary>
    private static bool IsPresent(string term, HashSet<string> evidence)
    {
        if (evidence.Contains(term))
        {
            return true;
        }

        if (term.Length < MinStem || term.Any(char.IsAsciiDigit))
        {
            return false;
        }

        return evidence.Any(e => IsVariant(term, e));
    }

    private static bool IsVariant(string a, string b)
    {
        if (b.Length < MinStem || Math.Abs(a.Length - b.Length) > MaxEnding)
        {
            return false;
        }

        var shared = a.AsSpan().CommonPrefixLength(b);
        return shared >= MinStem && a.Length - shared <= MaxEnding && b.Length - shared <= MaxEnding;
    }

    /// <summary>
    /// Whether the term is part of a name whose alias group has another name wholly in the passage. Read on each
    /// check, which only happens for a sentence with missing words: curators may add aliases at any time.
    /// </summary>
    private static bool IsNamedOtherwise(string term, HashSet<string> evidence, IReadOnlyList<List<List<string>>> aliases) =>
        aliases.Any(group =>
            group.Any(name => name.Contains(term, StringComparer.Ordinal))
            && group.Any(name => !name.Contains(term, StringComparer.Ordinal) && name.All(t => IsPresent(t, evidence))));

    private List<List<List<string>>> AliasNames() =>
        _store.ListAliases()
            .Select(a => a.Names.Select(_analyzer.AnalyzeDocument).Where(n => n.Count > 0).ToList())
            .Where(g => g.Count > 1)
            .ToList();

    [GeneratedRegex(@"\b(?:not|never|no|none|neither|nor|cannot)\b|n['’]t\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    // How a passage may negate: plainly, or as "has yet to", "failed", "denies", "lack of".
    [GeneratedRegex(@"\b(?:not|never|no|none|neither|nor|cannot|without|unable|absence|yet\s+to|fail(?:s|ed|ure)?|lack(?:s|ed|ing)?|refus(?:e|es|ed|al)|den(?:y|ies|ied|ial))\b|n['’]t\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegationCue();
}
