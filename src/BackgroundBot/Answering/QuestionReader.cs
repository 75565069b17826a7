using System.Globalization;
using System.Text.RegularExpressions;

namespace BackgroundBot.Answering;

/// <summary>
/// Reads a question the way a member means it: its parts and what each asks for, the years it is about (including
/// the names members give periods: "the first war", "the four-day war", "the 44-day war"), who acted, whether it asks
/// about now, for an overview, or for each side's account. Plain patterns, no model: fast, predictable, testable.
/// </summary>
public static partial class QuestionReader
{
    private const int Open = 2100;
    private const int Earliest = 1700;

    public static QuestionReading Read(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Trim();
        var parts = SplitParts(text).Select(p => new QuestionPart(p, NeedOf(p))).ToList();
        var scope = ScopeOf(text);
        return new QuestionReading(
            parts,
            scope,
            ActorOf(text),
            AsksPresent: scope is null && Present().IsMatch(text),
            IsBroad: Broad().IsMatch(text),
            IsContested: Contested().IsMatch(text),
            CountedNoun: CountedNoun(text));
    }

    /// <summary>The thing counted in "how many people died", as a word stem (<c>peopl</c>); null when not a count.</summary>
    public static string? CountedNoun(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = Counted().Match(question);
        if (!match.Success)
        {
            return null;
        }

        var noun = match.Groups["noun"].Value.ToLowerInvariant();
        return noun.Length > 5 ? noun[..5] : noun.TrimEnd('s');
    }

    /// <summary>What one part asks for; <see cref="AnswerNeed.None"/> for "what was …" and other open questions.</summary>
    public static AnswerNeed NeedOf(string part)
    {
        var need = AnswerNeed.None;
        need |= When().IsMatch(part) ? AnswerNeed.When : 0;
        need |= HowMany().IsMatch(part) ? AnswerNeed.HowMany : 0;
        need |= Who().IsMatch(part) ? AnswerNeed.Who : 0;
        need |= Where().IsMatch(part) ? AnswerNeed.Where : 0;
        need |= Why().IsMatch(part) ? AnswerNeed.Why : 0;
        return need;
    }

    private static IEnumerable<string> SplitParts(string text)
    {
        var parts = PartBoundary().Split(text).Select(p => p.Trim(' ', ',', ';', '-', '–', '?')).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? [text] : parts;
    }

    private static YearRange? ScopeOf(string text)
    {
        var ranges = new List<YearRange>();
        foreach (var (pattern, range) in NamedPeriods)
        {
            if (pattern.IsMatch(text))
            {
                ranges.Add(range);
            }
        }

        foreach (Match decade in Decade().Matches(text))
        {
            var start = int.Parse(decade.Groups[1].Value, CultureInfo.InvariantCulture);
            ranges.Add(new YearRange(start, start + 9));
        }

        foreach (Match century in Century().Matches(text))
        {
            var n = int.Parse(century.Groups[1].Value, CultureInfo.InvariantCulture);
            ranges.Add(new YearRange(((n - 1) * 100) + 1, n * 100));
        }

        var years = Year().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        if (Before().Match(text) is { Success: true } before && years.Count == 1)
        {
            return new YearRange(Earliest, years[0] - 1);
        }

        if (After().Match(text) is { Success: true } && years.Count == 1)
        {
            return new YearRange(years[0], Open);
        }

        ranges.AddRange(years.Select(y => new YearRange(y, y)));
        return ranges.Count == 0 ? null : new YearRange(ranges.Min(r => r.From), ranges.Max(r => r.To));
    }

    private static string? ActorOf(string text)
    {
        if (!Capture().IsMatch(text))
        {
            return null;
        }

        var actor = ActorForces().Match(text);
        return actor.Success ? Side(actor.Groups["side"].Value) : null;
    }

    /// <summary>The side named by an adjective or country name: <c>Armenian</c> or <c>Azerbaijani</c>.</summary>
    public static string Side(string word) =>
        word.StartsWith("arm", StringComparison.OrdinalIgnoreCase) || word.StartsWith("karabakh", StringComparison.OrdinalIgnoreCase) ? "Armenian" : "Azerbaijani";

    private static readonly (Regex Pattern, YearRange Range)[] NamedPeriods =
    [
        (new Regex(@"\bfirst (nagorno[- ])?(karabakh )?war\b|\b1990s war\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), new YearRange(1988, 1994)),
        (new Regex(@"\b(four|4)[- ]day war\b|\bapril war\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), new YearRange(2016, 2016)),
        (new Regex(@"\b(44|forty[- ]four)[- ]day war\b|\bsecond (nagorno[- ])?(karabakh )?war\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), new YearRange(2020, 2020)),
        (new Regex(@"(?<!before the |pre-)\bsoviet (era|times|period|rule|years)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), new YearRange(1920, 1991)),
        (new Regex(@"\bbefore the soviet\b|\bpre-soviet\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), new YearRange(Earliest, 1920)),
    ];

    [GeneratedRegex(@"(?:[,;]|\s[-–])?\s+and\s+(?=(?:who|whom|whose|what|when|where|why|how|which|did|does|do|was|were|is|are|in what|on what)\b)|\?\s+(?=\S)|\s[-–]\s+(?=(?:who|what|when|where|why|how|which)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartBoundary();

    [GeneratedRegex(@"\b(when|what (date|year|day|month)|which (date|year|day|month)|on what (date|day)|in what (year|month)|how long ago|since when)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex When();

    [GeneratedRegex(@"\bhow (many|much|large|big|long|far|high|wide|old)\b|\bwhat (percentage|share|proportion|number|size|area|population|figure|toll)\b|\b(percent|percentage|square (kilomet|km|mile))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HowMany();

    [GeneratedRegex(@"\bwho(m|se|'s)?\b|\bwhich (\w+ )?(leaders?|officials?|person|people|countr(y|ies)|presidents?|ministers?|agency|organi[sz]ations?|mediators?|powers?)\b|\bon whose\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Who();

    [GeneratedRegex(@"\bwhere\b|\bwhich (town|city|village|place|country|district|region|venue)\b|\bin which (city|town|country|place)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Where();

    [GeneratedRegex(@"\bwhy\b|\bwhat (caused|reason|reasons|led to|prompted)\b|\breasons? (given|for)\b|\bcaused?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Why();

    [GeneratedRegex(@"\bhow many (?:\w+ )?(?<noun>people|persons|civilians|soldiers|servicemen|troops|articles|points|clauses|refugees|residents|deaths|casualties|detainees|prisoners|votes|countries|members|districts|villages|km|kilometres|kilometers|days|years|tonnes|tons)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Counted();

    [GeneratedRegex(@"\b(1[7-9]\d0|20[0-2]0)s\b", RegexOptions.CultureInvariant)]
    private static partial Regex Decade();

    [GeneratedRegex(@"\b(1[6-9]|2[01])(st|nd|rd|th) century\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Century();

    [GeneratedRegex(@"(?<![\d/.,])(1[7-9]\d\d|20\d\d)(?![\d/]|s\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"\bbefore (the )?(year )?(1[7-9]\d\d|20\d\d)\b|\bprior to (1[7-9]\d\d|20\d\d)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    [GeneratedRegex(@"\b(after|since) (the )?(year )?(1[7-9]\d\d|20\d\d)\b|\b(later|subsequent|following|next)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex After();

    [GeneratedRegex(@"\b(take|took|taken|takes|capture[ds]?|capturing|seize[ds]?|retake|retook|retaken|occup\w+|overr?a?n|enter(ed)?|control)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Capture();

    [GeneratedRegex(@"\b(?<side>armenian|azerbaijani|azeri|karabakh armenian|armenia's|azerbaijan's)\s+(forces|troops|army|soldiers|military|side|units)\b|\b(?<side>armenia|azerbaijan)\b(?=\s+(take|took|capture|seize|retake|retook|occupy|occupied))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActorForces();

    [GeneratedRegex(@"\b(now|currently|still|today|nowadays|these days|at present|any ?more|at the moment|right now|as of now)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Present();

    [GeneratedRegex(
        @"^\W*(please\s+)?(can you\s+)?(explain|summari[sz]e|describe|outline)\b.{0,30}\b(conflict|war|karabakh|dispute|situation)\b|what'?s the (deal|story) with|what(?:'s| is) (going on|happening) (in|with)|(give|tell) me (an? |the )?(overview|summary|background|history|rundown|basics)|\boverview\b|\bin a nutshell\b|\btl;?dr\b|what(?:'s| is| was) the (nagorno[- ])?karabakh (conflict|war)( about)?\W*$|(short|brief|quick) history\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Broad();

    [GeneratedRegex(
        @"\bwho (started|starts|began|begun|initiated|provoked|fired first|attacked first|shot first|opened fire|was behind|is behind)\b|\bwho(?:'s| is| was| were)? (responsible|to blame|at fault|guilty)\b|\bwhose fault\b|\beach side\b|\bboth sides\b|\bthe two sides\b|\beach (government|country)\b|\baccording to (baku|yerevan|armenia|azerbaijan)\b.{0,20}\band\b|\b(accounts?|versions?|narratives?|views?)\b.{0,40}\b(differ|disagree|conflict)|\bdisagree\b|\bdisputed?\b|\bhow do(?:es)? (the )?(armenian|azerbaijani|armenia|azerbaijan)\b.{0,60}\b(armenian|azerbaijani|armenia|azerbaijan|baku|yerevan)\b|\bwhat do(?:es)? (baku|yerevan|armenia|azerbaijan) (and|say)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contested();
}
