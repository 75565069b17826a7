using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BackgroundBot.Knowledge.Import;

/// <summary>An HTML page reduced to its article text (paragraphs and headings) and the metadata it declares.</summary>
internal sealed record HtmlDocumentText(string? Title, string? Url, DateOnly? Published, string? Publisher, IReadOnlyList<TextBlock> Blocks)
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "svg", "iframe", "object", "select",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "blockquote", "pre", "figure", "figcaption",
        "table", "tr", "td", "th", "dl", "dt", "dd", "br", "hr", "body",
    };

    public static HtmlDocumentText Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
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
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsAsciiDigit(element.LocalName[1]):
                    Flush(blocks, current);
                    var heading = Normalize(element.TextContent);
                    if (heading.Length > 0)
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
        if (text.Length > 0)
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
}
