using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace BackgroundBot.Knowledge.Import;

/// <summary>
/// What a news page carries besides its article, removed at import so it never becomes a passage (and is never cited):
/// bylines, advertisements and "read more" blocks. The rules (README, "Importing articles"):
/// <list type="bullet">
/// <item>HTML elements that are hidden (<c>hidden</c>, <c>aria-hidden="true"</c>, <c>display:none</c>), an
/// <c>&lt;address&gt;</c>, an author (<c>rel="author"</c>, <c>itemprop="author"</c>), or whose class or id names
/// boilerplate: a word such as ad, ads, advert, advertisement, sponsored, promo, byline, author, meta, dateline, related, recommended,
/// newsletter, subscribe, share, social, comments, or read-more, see-also, more-stories;</item>
/// <item>in every format, a paragraph that is only a byline ("By Anna Petrosyan and Elnur Aliyev, Reuters"), only an
/// advertisement label ("Advertisement", "Sponsored content", "Story continues below advertisement"), or a short
/// pointer to other reading ("Read more: …", "Also read: …", "See also: …", "Related: …").</item>
/// </list>
/// </summary>
internal static partial class Boilerplate
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "ad", "ads", "advert", "adverts", "advertisement", "advertisements", "advertising", "sponsored", "sponsor", "promo", "promoted",
        "byline", "author", "authors", "meta", "dateline", "timestamp", "related", "recommended", "recommendations", "newsletter", "subscribe", "subscription",
        "share", "sharing", "social", "comments", "outbrain", "taboola",
    };

    private static readonly HashSet<string> Joined = new(StringComparer.Ordinal)
    {
        "readmore", "readalso", "alsoread", "seealso", "morestories", "mostread", "morefrom",
    };

    /// <summary>Whether an HTML element is page furniture rather than article text.</summary>
    public static bool IsElement(IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.LocalName == "address"
            || element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || string.Equals(element.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
            || string.Equals(element.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase)
            || element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style))
        {
            return true;
        }

        var names = $"{element.GetAttribute("class")} {element.GetAttribute("id")}";
        foreach (var token in names.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // CMS classes that name a post's tags and categories ("tag-ad", "category-related") say nothing about the element.
            if (token.StartsWith("tag-", StringComparison.OrdinalIgnoreCase) || token.StartsWith("category-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = token.ToLowerInvariant().Split('-', '_');
            if (parts.Any(Words.Contains) || Joined.Contains(string.Concat(parts)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a paragraph (or heading) of text is a byline, an advertisement label or a "read more" pointer.</summary>
    public static bool IsText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return AdLabel().IsMatch(trimmed)
            || (Text.SentenceSplitter.CountWords(trimmed) <= 25 && ReadMore().IsMatch(trimmed))
            || (Text.SentenceSplitter.CountWords(trimmed) <= 16 && Byline().IsMatch(trimmed));
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^(advertisement|advertising|sponsored( content)?|ad|story continues below( this)? advertisement|continue reading below|scroll to continue( with content)?)[.:]?$", RegexOptions.IgnoreCase)]
    private static partial Regex AdLabel();

    [GeneratedRegex(@"^(read more|read also|also read|see also|related( stories| articles| coverage)?|more on this( story)?|recommended)\s*[:»›>\-–—]", RegexOptions.IgnoreCase)]
    private static partial Regex ReadMore();

    // "By Anna Petrosyan", "By A. Petrosyan and E. Aliyev, Reuters", "Written by Anna Petrosyan | 12 May 2023": only
    // capitalised names, joined by "and", "&" or commas, optionally a dateline or agency after a separator.
    [GeneratedRegex(@"^([Bb]y|BY|[Ww]ritten by|[Rr]eporting by|[Ww]ords by)\s+\p{Lu}[\p{L}.'’\-]*(\s*,?\s+(\p{Lu}[\p{L}.'’\-]*|and|&))*(\s*[|•·–—]\s*[\p{L}\p{N} .,:'’\-]{0,60})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
