namespace BackgroundBot.Text;

/// <summary>
/// Splits prose into sentences, returning spans so callers can cite exact text.
/// Hand-written: the registry has no maintained sentence segmenter for .NET.
/// </summary>
public static class SentenceSplitter
{
    // Words that end with a period without ending the sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "st", "mt", "jr", "sr",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.n", "u.k", "e.g", "i.e", "etc", "vs", "no", "inc", "ltd", "co", "corp", "approx", "est", "fig",
    };

    public static IReadOnlyList<Range> Split(string text) => Split(text.AsSpan());

    public static IReadOnlyList<Range> Split(ReadOnlySpan<char> text)
    {
        var sentences = new List<Range>();
        var start = SkipWhitespace(text, 0);
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' && i + 1 < text.Length && text[i + 1] is '\n')
            {
                // A blank line always ends a sentence: paragraphs never share one.
                Add(sentences, text, start, i);
                start = SkipWhitespace(text, i);
                i = start;
                continue;
            }

            if (c is '.' or '!' or '?' or '…')
            {
                var end = i + 1;
                while (end < text.Length && IsClosing(text[end]))
                {
                    end++;
                }

                if (end >= text.Length)
                {
                    break;
                }

                if (char.IsWhiteSpace(text[end]))
                {
                    var next = SkipWhitespace(text, end);
                    if (next >= text.Length || (StartsSentence(text[next]) && !(c == '.' && IsAbbreviation(text, i))))
                    {
                        Add(sentences, text, start, end);
                        start = next;
                        i = next;
                        continue;
                    }
                }

                i = end;
                continue;
            }

            i++;
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    /// <summary>Counts whitespace-separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }

    private static void Add(List<Range> sentences, ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new Range(start, end));
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsClosing(char c) => c is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«';

    private static bool IsAbbreviation(ReadOnlySpan<char> text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text[start..period];
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital is an initial ("J. Smith"), not a sentence end.
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return Abbreviations.Contains(word.ToString());
    }
}
