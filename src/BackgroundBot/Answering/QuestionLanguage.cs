using System.Globalization;
using System.Text.RegularExpressions;

namespace BackgroundBot.Answering;

/// <summary>
/// Tells which language a question is written in, from its scripts and a few function words, so a decline can say
/// in the asker's language that the bot answers in English. Counted by words, not characters: a place name in
/// another script ("When was Степанакерт founded?") leaves an English question English.
/// </summary>
public static partial class QuestionLanguage
{
    public const string English = "en";
    public const string Russian = "ru";
    public const string Armenian = "hy";
    public const string Azerbaijani = "az";

    /// <summary>Another script the bot has no note for (Georgian, Arabic, Persian, …).</summary>
    public const string Other = "und";

    /// <summary>The question's language as an ISO 639-1 code: one of the constants of this class.</summary>
    public static string Detect(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        int latin = 0, cyrillic = 0, armenian = 0, other = 0, azerbaijaniLetters = 0, azerbaijaniWords = 0;
        foreach (Match word in Word().Matches(question))
        {
            switch (ScriptOf(word.ValueSpan))
            {
                case Script.Latin:
                    latin++;
                    if (word.ValueSpan.IndexOfAny("əƏıİğĞşŞçÇöÖüÜ") >= 0)
                    {
                        azerbaijaniLetters++;
                    }

                    if (AzerbaijaniFunctionWords.Contains(word.Value.ToLower(CultureInfo.InvariantCulture)))
                    {
                        azerbaijaniWords++;
                    }

                    break;
                case Script.Cyrillic:
                    cyrillic++;
                    break;
                case Script.Armenian:
                    armenian++;
                    break;
                case Script.Other:
                    other++;
                    break;
            }
        }

        var most = Math.Max(cyrillic, Math.Max(armenian, other));
        if (most > latin)
        {
            return most == cyrillic ? Russian : most == armenian ? Armenian : Other;
        }

        // Place names in Azerbaijani spelling (Xankəndi, Şuşa, Ağdam) appear in English questions; Azerbaijani
        // is told by its function words or by most words carrying its letters.
        return azerbaijaniWords >= 2 || (azerbaijaniLetters >= 3 && azerbaijaniLetters * 5 >= latin * 2) ? Azerbaijani : English;
    }

    /// <summary>Whether the question is in English (or has no words to tell by).</summary>
    public static bool IsEnglish(string question) => Detect(question) == English;

    private static readonly HashSet<string> AzerbaijaniFunctionWords =
    [
        "və", "ki", "nə", "niyə", "necə", "hansı", "haqqında", "üçün", "ilə", "harada", "nədir", "kimdir", "kim",
        "olub", "oldu", "idi", "deyil", "bu", "mi", "mı", "mu", "mü", "zaman", "vaxt", "yoxsa", "bəs", "görə",
    ];

    private static Script ScriptOf(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is (>= '\u0400' and <= '\u04FF') or (>= '\u0500' and <= '\u052F'))
            {
                return Script.Cyrillic;
            }

            if (c is (>= '\u0531' and <= '\u058F') or (>= '\uFB13' and <= '\uFB17'))
            {
                return Script.Armenian;
            }

            if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '\u00C0' and <= '\u024F') or '\u0259' or '\u018F')
            {
                return Script.Latin;
            }

            if (char.IsLetter(c))
            {
                return Script.Other;
            }
        }

        return Script.None;
    }

    [GeneratedRegex(@"[\p{L}\p{M}]+(['’-][\p{L}\p{M}]+)*")]
    private static partial Regex Word();

    private enum Script
    {
        None,
        Latin,
        Cyrillic,
        Armenian,
        Other,
    }
}
