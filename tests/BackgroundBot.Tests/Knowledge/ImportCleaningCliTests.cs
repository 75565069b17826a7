using System.Text.Json.Nodes;
using BackgroundBot.Cli;
using BackgroundBot.Tests.Cli;

namespace BackgroundBot.Tests.Knowledge;

/// <summary>
/// `import` as a moderator runs it on real-looking pages: bylines, ads and "read more" blocks never become passages,
/// an article without a URL or date comes with a warning (`--strict` refuses it), and a folder imports its files.
/// </summary>
public sealed class ImportCleaningCliTests : IDisposable
{
    private readonly CliStore _cli = new();

    [Fact]
    public async Task A_news_page_keeps_its_article_text_and_loses_byline_ads_read_more_and_hidden_blocks()
    {
        var page = Path.Combine(AppContext.BaseDirectory, "TestData", "import", "news-page.html");

        var import = await _cli.Run("import", page);
        var text = await ArticleText(2);

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Equal("", import.Error);
        Assert.StartsWith("Talks resume on the Lachin corridor\n\nNegotiators from both countries met in Brussels", text, StringComparison.Ordinal);
        Assert.Contains("By the second evening, both delegations had agreed", text, StringComparison.Ordinal);
        Assert.Contains("Residents of Stepanakert described shortages", text, StringComparison.Ordinal);
        foreach (var boilerplate in new[] { "Anna Petrosyan", "Elnur Aliyev", "Advertisement", "Read more", "Aid convoy reaches", "Ceasefire violations reported", "newsletter", "Another story teaser", "Share" })
        {
            Assert.DoesNotContain(boilerplate, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Text_and_markdown_lose_byline_ad_and_read_more_lines_but_keep_sentences_that_open_with_by()
    {
        var txt = _cli.Folder.Write("talks.txt", """
            title: Talks on the corridor
            url: https://example.org/talks
            date: 2023-05-02

            By Anna Petrosyan | 2 May 2023

            Negotiators from both countries met in Brussels to discuss the reopening of the Lachin corridor.

            ADVERTISEMENT

            By 1994 the front line had barely moved, and a ceasefire was signed in Bishkek in May of that year.

            Read more: EU monitors extend their mission
            """);
        var md = _cli.Folder.Write("brief.md", """
            ---
            title: Mediation brief
            url: https://example.org/brief
            date: 2021-03-04
            ---
            *By Elnur Aliyev, Reuters*

            The OSCE Minsk Group was co-chaired by France, Russia and the United States for many years.

            Sponsored content

            [Read more: the Madrid Principles explained](https://example.org/madrid)
            """);

        var import = await _cli.Run("import", txt, md);
        var text = await ArticleText(2);
        var brief = await ArticleText(3);

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.StartsWith("Negotiators from both countries", text, StringComparison.Ordinal);
        Assert.Contains("By 1994 the front line had barely moved", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna Petrosyan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ADVERTISEMENT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("EU monitors", text, StringComparison.Ordinal);
        Assert.StartsWith("The OSCE Minsk Group was co-chaired", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Aliyev", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Sponsored", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("Madrid", brief, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_without_url_or_date_is_imported_with_a_warning_and_strict_refuses_it()
    {
        var bare = _cli.Folder.Write("note.txt", "Negotiators from both countries met in Brussels to discuss the reopening of the Lachin corridor. The talks lasted two days.");

        var strict = await _cli.Run("import", bare, "--strict");
        var afterStrict = await _cli.Run("articles");
        var lenient = await _cli.Run("import", bare);

        Assert.Equal(ExitCodes.BadInput, strict.ExitCode);
        Assert.Contains("note.txt has no URL and no date: it will be cited without a link or a date", strict.Error, StringComparison.Ordinal);
        Assert.Contains("--strict refuses it.", strict.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("note", afterStrict.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ExitCodes.Success, lenient.ExitCode);
        Assert.StartsWith("warning: note.txt has no URL and no date", lenient.Error, StringComparison.Ordinal);
        Assert.Contains("note.txt: imported as article 2", lenient.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_imports_its_supported_files_and_one_bad_file_imports_none()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder.Path, "articles")).FullName;
        File.WriteAllText(Path.Combine(folder, "a.txt"), Tests.Infrastructure.Articles.CorridorText);
        File.WriteAllText(Path.Combine(folder, "b.md"), "---\ntitle: Brief\nurl: https://example.org/b\ndate: 2021-03-04\n---\nThe OSCE Minsk Group was co-chaired by France, Russia and the United States.\n");
        File.WriteAllText(Path.Combine(folder, "notes.pdf"), "%PDF");
        var bad = Directory.CreateDirectory(Path.Combine(_cli.Folder.Path, "bad")).FullName;
        File.WriteAllText(Path.Combine(bad, "good.txt"), Tests.Infrastructure.Articles.CorridorText.Replace("lachin-talks", "other", StringComparison.Ordinal) + "\nA new line.");
        File.WriteAllBytes(Path.Combine(bad, "broken.txt"), [0xFF, 0xFE, 0x00, 0x41]);

        var import = await _cli.Run("import", folder);
        var refused = await _cli.Run("import", bad);
        var articles = await _cli.Run("articles");

        Assert.Equal(ExitCodes.Success, import.ExitCode);
        Assert.Contains("a.txt: imported as article 2", import.Output, StringComparison.Ordinal);
        Assert.Contains("b.md: imported as article 3", import.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("broken.txt", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported; the store is unchanged.", refused.Error, StringComparison.Ordinal);
        Assert.Equal(3, articles.Output.TrimEnd().Split('\n').Length);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>An article's stored text, read from an export (what import-pack would restore).</summary>
    private async Task<string> ArticleText(int id)
    {
        var file = Path.Combine(_cli.Folder.Path, $"export-{Guid.NewGuid():N}.json");
        var export = await _cli.Run("export", "--out", file);
        Assert.Equal(ExitCodes.Success, export.ExitCode);
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        return json["articles"]!.AsArray().Single(a => a!["id"]!.GetValue<int>() == id)!["text"]!.GetValue<string>();
    }
}
