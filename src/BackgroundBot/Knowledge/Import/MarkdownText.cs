using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Parsers.Inlines;

namespace BackgroundBot.Knowledge.Import;

/// <summary>
/// Markdown reduced to paragraphs and headings through Markdig, in time linear in its size. Markdig has paths whose cost grows
/// with the square of a paragraph, so those inputs are refused before parsing, or the costly parser is not used at all:
/// <list type="bullet">
/// <item>nesting deeper than Markdig's own limit (<see cref="MaxDepth"/>) is refused; Markdig throws, and that is caught here;</item>
/// <item>unclosed parentheses nested more than <see cref="MaxParenthesisDepth"/> deep in one word (each one a link destination
/// Markdig would scan to the end of the word) are refused;</item>
/// <item>more than <see cref="MaxDefinitions"/> link reference definitions are refused;</item>
/// <item>emphasis (<c>*</c>, <c>_</c>, <c>~~</c>) is not parsed but its markers dropped from the text, which is all an article
/// needs of it.</item>
/// </list>
/// </summary>
internal static class MarkdownText
{
    /// <summary>Quotes in quotes, lists in lists, brackets in brackets: Markdig stops at 128 levels.</summary>
    public const int MaxDepth = 127;

    /// <summary>Unclosed parentheses inside one word; links nest none, and a URL a few at most.</summary>
    public const int MaxParenthesisDepth = 32;

    /// <summary>Link reference definitions (<c>[label]: url</c>) in one file; an article with footnote links has dozens.</summary>
    public const int MaxDefinitions = 1000;

    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static readonly string TooDeep = $"the Markdown is nested more than {MaxDepth} levels deep (quotes, lists or brackets inside each other).";

    /// <summary>The text blocks of a Markdown body, or why it is refused (one line, without the file name).</summary>
    public static (IReadOnlyList<TextBlock>? Blocks, string? Error) Read(string markdown)
    {
        if (Check(markdown) is { } problem)
        {
            return (null, problem);
        }

        string html;
        try
        {
            html = Markdown.ToHtml(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig's depth limit ("Markdown elements in the input are too deeply nested").
            return (null, TooDeep);
        }

        if (HtmlDocumentText.TryExtract(html) is not { } text)
        {
            return (null, $"the Markdown is nested more than {HtmlDocumentText.MaxDepth} elements deep.");
        }

        return (text.Blocks.Select(b => b with { Text = DropEmphasis(b.Text) }).Where(b => b.Text.Length > 0 && !Boilerplate.IsText(b.Text)).ToList(), null);
    }

    /// <summary>One linear pass over the source for the inputs Markdig would take quadratic time on.</summary>
    internal static string? Check(string markdown)
    {
        var parentheses = 0;
        var definitions = 0;
        var lineStart = true;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (lineStart && IsDefinitionAt(markdown, i) && ++definitions > MaxDefinitions)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the Markdown has more than {MaxDefinitions:N0} link reference definitions ([label]: url).");
            }

            // Markdig would find the depth itself, but only after checking every level against the rest of the line.
            if (lineStart && ContainersOpenedAt(markdown, i) > MaxDepth)
            {
                return TooDeep;
            }

            lineStart = c == '\n';
            if (char.IsWhiteSpace(c))
            {
                parentheses = 0;
            }
            else if (c == '(' && ++parentheses > MaxParenthesisDepth)
            {
                return $"the Markdown has parentheses nested more than {MaxParenthesisDepth} deep in one word (a broken link?).";
            }
            else if (c == ')' && parentheses > 0)
            {
                parentheses--;
            }
        }

        return null;
    }

    /// <summary>Drops emphasis markers: every <c>*</c>, runs of two or more <c>~</c>, and <c>_</c> except inside a word (snake_case).</summary>
    internal static string DropEmphasis(string text)
    {
        if (text.AsSpan().IndexOfAny('*', '_', '~') < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '*':
                    continue;
                case '_' when !(i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])):
                    continue;
                case '~' when (i + 1 < text.Length && text[i + 1] == '~') || (i > 0 && text[i - 1] == '~'):
                    continue;
                default:
                    kept.Append(c);
                    break;
            }
        }

        return string.Join(' ', kept.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // Quotes and list items a line opens before its text: "> > - 1. text" opens four. Work bounded by the line's prefix.
    private static int ContainersOpenedAt(string markdown, int i)
    {
        var opened = 0;
        var k = i;
        while (k < markdown.Length && opened <= MaxDepth)
        {
            var c = markdown[k];
            if (c is ' ' or '\t')
            {
                k++;
            }
            else if (c == '>')
            {
                opened++;
                k++;
            }
            else if (c is '-' or '*' or '+' && k + 1 < markdown.Length && markdown[k + 1] is (' ' or '\t'))
            {
                opened++;
                k += 2;
            }
            else if (char.IsAsciiDigit(c))
            {
                var digits = k;
                while (digits < markdown.Length && digits - k < 9 && char.IsAsciiDigit(markdown[digits]))
                {
                    digits++;
                }

                if (digits + 1 < markdown.Length && markdown[digits] is ('.' or ')') && markdown[digits + 1] is (' ' or '\t'))
                {
                    opened++;
                    k = digits + 2;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        return opened;
    }

    // A link reference definition starts a line: up to three spaces, then "[label]:".
    private static bool IsDefinitionAt(string markdown, int i)
    {
        var j = i;
        while (j < markdown.Length && j - i < 3 && markdown[j] == ' ')
        {
            j++;
        }

        if (j >= markdown.Length || markdown[j] != '[')
        {
            return false;
        }

        var end = markdown.IndexOf('\n', j);
        var line = markdown.AsSpan(j, (end < 0 ? markdown.Length : end) - j);
        return line.IndexOf("]:", StringComparison.Ordinal) > 0;
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        // Quadratic in the emphasis delimiters of a paragraph (1 MiB of "**a" paragraphs: about 40 s); DropEmphasis replaces it.
        builder.InlineParsers.TryRemove<EmphasisInlineParser>();
        return builder.Build();
    }
}
