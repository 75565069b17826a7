using System.Globalization;
using System.Text.RegularExpressions;

namespace BackgroundBot.Answering;

/// <summary>What a sentence can answer: a date, a number, a person or body, a place, a reason; its years; who acted.</summary>
public static partial class SentenceTraits
{
    public static AnswerNeed Offers(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var offers = AnswerNeed.None;
        offers |= Date().IsMatch(sentence) ? AnswerNeed.When : 0;
        offers |= Number().IsMatch(StripDates(sentence)) ? AnswerNeed.HowMany : 0;
        offers |= Person().IsMatch(sentence) ? AnswerNeed.Who : 0;
        offers |= Place().IsMatch(sentence) ? AnswerNeed.Where : 0;
        offers |= Reason().IsMatch(sentence) ? AnswerNeed.Why : 0;
        return offers;
    }

    /// <summary>Whether the sentence gives a number of the thing whose stem is <paramref name="noun"/> ("218 people").</summary>
    public static bool Counts(string sentence, string noun) =>
        Regex.IsMatch(sentence, $@"(\d[\d,.]*|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|million)\b)(-|\s+)(\w+\s+){{0,2}}?{Regex.Escape(noun)}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The years a sentence names.</summary>
    public static IReadOnlyList<int> Years(string sentence) =>
        Year().Matches(sentence).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))
            .Concat(Century().Matches(sentence).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 100) - 50))
            .ToList();

    /// <summary>Who the sentence says took or controlled a place (<c>Armenian</c> or <c>Azerbaijani</c>), when it says.</summary>
    public static string? CaptureActor(string sentence)
    {
        var match = ActiveCapture().Match(sentence);
        if (match.Success)
        {
            return QuestionReader.Side(match.Groups["side"].Value);
        }

        match = PassiveCapture().Match(sentence);
        return match.Success ? QuestionReader.Side(match.Groups["side"].Value) : null;
    }

    private static string StripDates(string sentence) => Year().Replace(DayMonth().Replace(sentence, " "), " ");

    // A decade ("since the 1990s") is a span, not the year it starts with.
    [GeneratedRegex(@"(?<![\d,.])(1[7-9]\d\d|20\d\d)(?![\d,]|s\b|'s\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(1[6-9]|2[01])(st|nd|rd|th)[- ]century\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Century();

    [GeneratedRegex(@"\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<![\d,.])(1[7-9]\d\d|20\d\d)(?![\d,])|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(@"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|dozens?|half|percent)\b|%", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"\b(President|Prime Minister|Minister|minister|Secretary|General|Khan|Chairman|chaired|leaders?|speakers?|officials?|mediat\w+|co-chair\w*|brokered|hosted|signed|chiefs?|commanders?|representatives?|envoy|council|Council|agency|Agency|Committee|committee)\b|\b[A-Z][a-z]+ [A-Z][a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Person();

    [GeneratedRegex(@"\b(in|at|near|outside|to|from)\s+(the\s+)?[A-Z][\w'-]+|\b(town|city|village|district|region|capital|border)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Place();

    [GeneratedRegex(@"\b(because|due to|in order to|so as to|so that|to (stop|restore|protect|prevent|end|ensure|halt|secure|avoid|keep|show)|citing|cited|reasons?|caused?|aims?|aimed|said|says|blamed|accused|argued|justif\w+|explained|motive|violation|negligence|after)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reason();

    [GeneratedRegex(@"\b(?<side>armenian|azerbaijani|karabakh armenian|armenia's|azerbaijan's|armenia|azerbaijan)\b(?:\s+\w+){0,4}?\s+(forces|troops|army|soldiers|fighters|units|president)?[^.;]{0,40}?\b(took|take|taken|captured|capture|seized|retook|retaken|regained|entered|occupied)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActiveCapture();

    [GeneratedRegex(@"\b(taken|captured|seized|retaken|occupied|held|controlled)\s+by\s+(the\s+)?(?<side>armenian|azerbaijani|karabakh armenian|armenia|azerbaijan)|\bunder\s+(?<side>armenian|azerbaijani)\s+control\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassiveCapture();
}
