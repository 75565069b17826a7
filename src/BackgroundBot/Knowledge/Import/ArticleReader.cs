using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Knowledge.Import;

/// <summary>
/// Reads <c>.txt</c>, <c>.md</c> and <c>.html</c> articles: checks the file, takes metadata from its headers,
/// and reduces it to paragraphs and headings. Every refusal is one line naming the file and the problem.
/// </summary>
public sealed partial class ArticleReader(IOptions<StoreOptions> options)
{
    public static readonly IReadOnlyList<string> SupportedExtensions = [".txt", ".md", ".markdown", ".html", ".htm"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ArticleReadResult ReadFile(string path, ArticleMetadata? overrides = null)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return ArticleReadResult.Refused(Directory.Exists(path) ? $"{path} is a folder, not a file." : $"File not found: {path}");
        }

        var extensionError = CheckExtension(name);
        if (extensionError is not null)
        {
            return ArticleReadResult.Refused(extensionError);
        }

        var length = new FileInfo(path).Length;
        if (length > options.Value.MaxImportBytes)
        {
            return ArticleReadResult.Refused(TooLarge(name, length));
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ArticleReadResult.Refused($"{name} cannot be read: {ex.Message}");
        }

        return Read(name, content, overrides);
    }

    /// <summary>Reads an article from memory (an upload); <paramref name="fileName"/> decides the format.</summary>
    public ArticleReadResult Read(string fileName, ReadOnlySpan<byte> content, ArticleMetadata? overrides = null)
    {
        var extensionError = CheckExtension(fileName);
        if (extensionError is not null)
        {
            return ArticleReadResult.Refused(extensionError);
        }

        if (content.Length > options.Value.MaxImportBytes)
        {
            return ArticleReadResult.Refused(TooLarge(fileName, content.Length));
        }

        if (content.IndexOf((byte)0) >= 0)
        {
            return ArticleReadResult.Refused($"{fileName} is not a text file (it contains binary data).");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content.StartsWith(Utf8Bom) ? content[Utf8Bom.Length..] : content);
        }
        catch (DecoderFallbackException)
        {
            return ArticleReadResult.Refused($"{fileName} is not UTF-8 text (it contains bytes that are not valid UTF-8).");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isHtml = extension is ".html" or ".htm";
        var headers = new ArticleMetadata();
        if (!isHtml)
        {
            var (metadata, body, error) = ArticleHeaders.Parse(text);
            if (error is not null)
            {
                return ArticleReadResult.Refused($"{fileName}: {error}");
            }

            headers = metadata;
            text = body;
        }

        HtmlDocumentText? html = null;
        IReadOnlyList<TextBlock> blocks;
        switch (extension)
        {
            case ".html" or ".htm":
                html = HtmlDocumentText.TryExtract(text);
                if (html is null)
                {
                    return ArticleReadResult.Refused(
                        $"{fileName}: the HTML is nested more than {HtmlDocumentText.MaxDepth} elements deep (articles are far shallower).");
                }

                blocks = html.Blocks;
                if (blocks.Count == 0)
                {
                    return ArticleReadResult.Refused($"{fileName}: no readable text found in this HTML (no paragraphs or headings with text).");
                }

                break;
            case ".md" or ".markdown":
                var (markdown, markdownError) = MarkdownText.Read(text);
                if (markdown is null)
                {
                    return ArticleReadResult.Refused($"{fileName}: {markdownError}");
                }

                blocks = markdown;
                break;
            default:
                blocks = PlainTextBlocks(text);
                break;
        }

        if (!blocks.Any(b => b.Kind == TextBlockKind.Paragraph))
        {
            return ArticleReadResult.Refused($"{fileName} contains no article text.");
        }

        overrides ??= new ArticleMetadata();
        return ArticleReadResult.Ok(new ParsedArticle
        {
            Title = Clean(overrides.Title) ?? Clean(headers.Title) ?? Clean(html?.Title) ?? FirstHeading(blocks),
            Url = Clean(overrides.Url) ?? Clean(headers.Url) ?? Clean(html?.Url),
            Published = overrides.Published ?? headers.Published ?? html?.Published,
            Publisher = Clean(overrides.Publisher) ?? Clean(headers.Publisher) ?? Clean(html?.Publisher),
            Blocks = blocks,
            SourceFile = fileName,
        });
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private string TooLarge(string name, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} is {length:N0} bytes; the import limit is {options.Value.MaxImportBytes:N0} bytes (setting Store:MaxImportBytes).");

    private static string? CheckExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return SupportedExtensions.Contains(extension)
            ? null
            : $"{fileName}: unsupported file type '{(extension.Length == 0 ? "(none)" : extension)}'; import takes .txt, .md or .html files.";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? FirstHeading(IReadOnlyList<TextBlock> blocks) =>
        blocks.FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text;

    /// <summary>Paragraphs are separated by blank lines; a short line without closing punctuation is a heading.</summary>
    internal static IReadOnlyList<TextBlock> PlainTextBlocks(string text)
    {
        var blocks = new List<TextBlock>();
        foreach (var raw in BlankLines().Split(text))
        {
            var lines = raw.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length == 0)
            {
                continue;
            }

            var paragraph = Whitespace().Replace(string.Join(' ', lines), " ").Trim();
            if (Boilerplate.IsText(paragraph))
            {
                continue;
            }

            var isHeading = lines.Length == 1 && IsHeadingLike(paragraph);
            blocks.Add(new TextBlock(isHeading ? TextBlockKind.Heading : TextBlockKind.Paragraph, paragraph));
        }

        return blocks;
    }

    internal static bool IsHeadingLike(string line) =>
        SentenceSplitterWords(line) <= 12 && line[^1] is not ('.' or '!' or '?' or ':' or ';' or ',' or '"' or '”' or '’' or ')');

    private static int SentenceSplitterWords(string line) => Text.SentenceSplitter.CountWords(line);

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
