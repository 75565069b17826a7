using System.Globalization;
using System.Text.RegularExpressions;

namespace BackgroundBot.Knowledge.Import;

/// <summary>
/// Metadata at the top of a text or Markdown article: <c>title:</c>, <c>url:</c>, <c>date:</c>, <c>publisher:</c> lines
/// (optionally fenced by <c>---</c> front matter), or the seed article's form, a first line that opens
/// with <c>date YYYY-MM-DD</c> followed by the first paragraph.
/// </summary>
internal static partial class ArticleHeaders
{
    public static (ArticleMetadata Metadata, string Body, string? Error) Parse(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var i = 0;
        while (i < lines.Length && string.IsNullOrWhiteSpace(lines[i]))
        {
            i++;
        }

        if (i < lines.Length)
        {
            var seed = SeedDateLine().Match(lines[i]);
            if (seed.Success)
            {
                if (!TryDate(seed.Groups[1].Value, out var date))
                {
                    return (new ArticleMetadata(), text, $"the date '{seed.Groups[1].Value}' is not a valid YYYY-MM-DD date.");
                }

                lines[i] = seed.Groups[2].Value;
                return (new ArticleMetadata(Published: date), string.Join('\n', lines[i..]), null);
            }
        }

        var fenced = i < lines.Length && lines[i].Trim() == "---";
        if (fenced)
        {
            i++;
        }

        string? title = null, url = null, publisher = null;
        DateOnly? published = null;
        var sawHeader = false;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fenced && line.Trim() == "---")
            {
                i++;
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                if (fenced || !sawHeader)
                {
                    continue;
                }

                break;
            }

            var header = HeaderLine().Match(line);
            if (!header.Success)
            {
                if (fenced)
                {
                    continue;
                }

                break;
            }

            sawHeader = true;
            var value = header.Groups[2].Value.Trim().Trim('"');
            switch (header.Groups[1].Value.ToLowerInvariant())
            {
                case "title":
                    title = value;
                    break;
                case "url":
                    url = value;
                    break;
                case "publisher":
                    publisher = value;
                    break;
                case "date":
                    if (!TryDate(value, out var date))
                    {
                        return (new ArticleMetadata(), text, $"the date header '{value}' is not a YYYY-MM-DD date.");
                    }

                    published = date;
                    break;
            }
        }

        if (!sawHeader && !fenced)
        {
            return (new ArticleMetadata(), text, null);
        }

        return (new ArticleMetadata(title, url, published, publisher), string.Join('\n', lines[Math.Min(i, lines.Length)..]), null);
    }

    public static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex(@"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SeedDateLine();

    [GeneratedRegex(@"^\s*(title|url|date|publisher)\s*:\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();
}
