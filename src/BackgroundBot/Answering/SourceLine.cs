namespace BackgroundBot.Answering;

/// <summary>How a source is shown under an answer: <c>[n] Title (date) — url</c>.</summary>
public static class SourceLine
{
    public static string Format(Citation citation)
    {
        var date = citation.Published is { } published ? $" ({published})" : "";
        var url = string.IsNullOrEmpty(citation.Url) ? "" : $" — {citation.Url}";
        return $"[{citation.N}] {citation.ArticleTitle}{date}{url}";
    }
}
