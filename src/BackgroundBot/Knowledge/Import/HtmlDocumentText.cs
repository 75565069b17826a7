using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Text;

namespace BackgroundBot.Knowledge.Import;

/// <summary>An HTML page reduced to its article text (paragraphs and headings) and the metadata it declares.</summary>
internal sealed record HtmlDocumentText(string? Title, string? Url, DateOnly? Published, string? Publisher, IReadOnlyList<TextBlock> Blocks)
{
    /// <summary>
    /// The deepest nesting of elements read. An HTML parser's work per tag grows with the depth of the open elements, so
    /// deeper input would cost time quadratic in its size (85,000 nested divs: nearly a minute); real pages stay far
    /// shallower (Chrome itself stops nesting at 512).
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "object", "select",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "pre", "figure", "figcaption",
        "table", "tr", "td", "th", "dl", "dt", "dd", "br", "hr", "body",
    };

    /// <summary>Reads a page; null when its elements are nested deeper than <see cref="MaxDepth"/>.</summary>
    public static HtmlDocumentText? TryExtract(string html)
    {
        var guard = new DepthGuard();
        IDocument document;
        try
        {
            document = new HtmlParser(new HtmlParserOptions { OnCreated = guard.OnCreated }).ParseDocument(html);
            guard.CheckLast();
        }
        catch (InvalidOperationException) when (guard.TooDeep)
        {
            return null;
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var blocks = new List<TextBlock>();
        if (root is not null)
        {
            var current = new StringBuilder();
            Walk(root, blocks, current);
            Flush(blocks, current);
        }

        return new HtmlDocumentText(
            Title: Meta(document, "og:title") ?? NullIfEmpty(document.Title) ?? NullIfEmpty(document.QuerySelector("h1")?.TextContent),
            Url: document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url"),
            Published: ParseDate(Meta(document, "article:published_time") ?? Meta(document, "date")
                ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
            Publisher: Meta(document, "og:site_name"),
            Blocks: blocks);
    }

    private static void Walk(INode node, List<TextBlock> blocks, StringBuilder current)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    current.Append(text.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName) || Boilerplate.IsElement(element):
                    break;
                case IElement element when element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsAsciiDigit(element.LocalName[1]):
                    Flush(blocks, current);
                    var heading = Normalize(element.TextContent);
                    if (heading.Length > 0 && !Boilerplate.IsText(heading))
                    {
                        blocks.Add(new TextBlock(TextBlockKind.Heading, heading));
                    }

                    break;
                case IElement element when BlockElements.Contains(element.LocalName):
                    Flush(blocks, current);
                    Walk(element, blocks, current);
                    Flush(blocks, current);
                    break;
                case IElement element:
                    Walk(element, blocks, current);
                    break;
            }
        }
    }

    private static void Flush(List<TextBlock> blocks, StringBuilder current)
    {
        var text = Normalize(current.ToString());
        current.Clear();
        if (text.Length > 0 && !Boilerplate.IsText(text))
        {
            blocks.Add(new TextBlock(TextBlockKind.Paragraph, text));
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Meta(IDocument document, string name) =>
        NullIfEmpty(document.QuerySelector($"meta[property='{name}']")?.GetAttribute("content")
            ?? document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content"));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value) =>
        value is { Length: >= 10 } && ArticleHeaders.TryDate(value[..10], out var date) ? date : null;

    /// <summary>
    /// Stops the parse as soon as an element sits deeper than <see cref="MaxDepth"/>, so the parser never works on a deeper
    /// stack. Each element is measured when the next one is created (by then the parser has placed it), from the nearest
    /// ancestor already measured: constant work per element.
    /// </summary>
    private sealed class DepthGuard
    {
        private readonly Dictionary<IElement, int> _depths = new(ReferenceEqualityComparer.Instance);
        private IElement? _last;

        public bool TooDeep { get; private set; }

        public void OnCreated(IElement element, TextPosition position)
        {
            CheckLast();
            _last = element;
        }

        public void CheckLast()
        {
            if (_last is not null && Measure(_last) > MaxDepth)
            {
                // The only way to stop AngleSharp's parser midway; the caller catches it when TooDeep is set.
                TooDeep = true;
                throw new InvalidOperationException($"HTML nested more than {MaxDepth} elements deep.");
            }
        }

        private int Measure(IElement element)
        {
            var steps = 0;
            var known = 0;
            for (var node = element; node is not null; node = node.ParentElement)
            {
                if (_depths.TryGetValue(node, out known))
                {
                    break;
                }

                if (++steps > MaxDepth)
                {
                    break;
                }
            }

            var depth = steps + known;
            _depths[element] = depth;
            return depth;
        }
    }
}
