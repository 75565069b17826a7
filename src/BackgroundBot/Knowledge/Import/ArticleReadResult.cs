namespace BackgroundBot.Knowledge.Import;

/// <summary>Either a parsed article or one line saying why the file was refused.</summary>
public sealed record ArticleReadResult(ParsedArticle? Article, string? Error)
{
    public static ArticleReadResult Ok(ParsedArticle article) => new(article, null);

    public static ArticleReadResult Refused(string error) => new(null, error);
}
