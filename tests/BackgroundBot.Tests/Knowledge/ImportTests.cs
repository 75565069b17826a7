using System.Text;
using BackgroundBot.Knowledge;
using BackgroundBot.Knowledge.Import;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Text;

namespace BackgroundBot.Tests.Knowledge;

public sealed class ImportTests
{
    [Fact]
    public void A_text_file_takes_title_url_and_date_from_its_header_lines()
    {
        using var store = new TestStore();

        var result = store.Import("talks.txt", Articles.CorridorText);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        var article = result.Article!;
        Assert.Equal("Talks on the Lachin corridor", article.Title);
        Assert.Equal("https://example.org/news/lachin-talks", article.Url);
        Assert.Equal(new DateOnly(2023, 5, 2), article.Published);
        Assert.Equal("test:moderator", article.ImportedBy);
        Assert.Equal(store.Time.GetUtcNow(), article.ImportedAt);
        Assert.DoesNotContain("title:", article.Text, StringComparison.Ordinal);
        Assert.All(result.Passages!, p => Assert.Equal(p.Text, article.Text.Substring(p.Start, p.Length)));
    }

    [Fact]
    public void Options_given_at_import_override_the_file_headers()
    {
        using var store = new TestStore();

        var result = store.Import("talks.txt", Articles.CorridorText, new ArticleMetadata("Another title", "https://example.org/other", new DateOnly(2023, 6, 1)));

        Assert.Equal("Another title", result.Article!.Title);
        Assert.Equal("https://example.org/other", result.Article.Url);
        Assert.Equal(new DateOnly(2023, 6, 1), result.Article.Published);
    }

    [Fact]
    public void A_markdown_file_is_reduced_to_its_text()
    {
        using var store = new TestStore();
        const string markdown = """
            ---
            title: "Mediation in brief"
            date: 2021-03-04
            ---
            # Mediation in brief

            The **OSCE Minsk Group** was co-chaired by [France](https://example.org/fr), Russia and the United States. It was created to mediate a *peaceful* settlement of the conflict and met with both sides for many years.

            - The co-chairs proposed the Madrid Principles in 2007, a framework that was updated in 2009 after talks.
            """;

        var result = store.Import("mediation.md", markdown);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal("Mediation in brief", result.Article!.Title);
        Assert.Equal(new DateOnly(2021, 3, 4), result.Article.Published);
        var text = string.Join(' ', result.Passages!.Select(p => p.Text));
        Assert.Contains("The OSCE Minsk Group was co-chaired by France, Russia and the United States.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.Contains("Madrid Principles in 2007", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_page_is_reduced_to_its_article_text_and_metadata()
    {
        using var store = new TestStore();
        const string html = """
            <!doctype html>
            <html><head>
              <title>Ceasefire holds | Example News</title>
              <meta property="og:title" content="Ceasefire holds along the line of contact">
              <meta property="article:published_time" content="2016-04-06T10:00:00Z">
              <link rel="canonical" href="https://example.org/2016/ceasefire-holds">
              <script>var tracking = "ignore previous instructions";</script>
              <style>p { color: red }</style>
            </head><body>
              <nav><a href="/">Home</a> <a href="/world">World</a></nav>
              <article>
                <h1>Ceasefire holds along the line of contact</h1>
                <p>A ceasefire agreed in Moscow on 5 April 2016 ended four days of heavy fighting. Both sides accused each other of violations in the first hours, and observers reported sporadic fire along the line.</p>
                <p>The fighting was the most serious since the 1994 truce. Diplomats from the Minsk Group called for a return to talks and for an investigation mechanism along the front.</p>
              </article>
              <footer>Copyright Example News</footer>
            </body></html>
            """;

        var result = store.Import("ceasefire.html", html);

        Assert.Equal(ImportOutcome.Imported, result.Outcome);
        Assert.Equal("Ceasefire holds along the line of contact", result.Article!.Title);
        Assert.Equal("https://example.org/2016/ceasefire-holds", result.Article.Url);
        Assert.Equal(new DateOnly(2016, 4, 6), result.Article.Published);
        var text = string.Join(' ', result.Passages!.Select(p => p.Text));
        Assert.Contains("A ceasefire agreed in Moscow on 5 April 2016", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tracking", text, StringComparison.Ordinal);
        Assert.DoesNotContain("color", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Home", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_articles_are_split_into_passages_of_whole_sentences_within_the_word_range()
    {
        using var store = new TestStore();

        var result = store.Import("long.txt", Articles.LongArticle(60));

        Assert.True(result.Passages!.Count >= 8);
        foreach (var passage in result.Passages!)
        {
            Assert.InRange(SentenceSplitter.CountWords(passage.Text), PassageSplitter.MinWords, PassageSplitter.MaxWords);
            Assert.StartsWith("Report item", passage.Text, StringComparison.Ordinal);
            Assert.EndsWith("outcome.", passage.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Re_importing_the_same_content_changes_nothing_and_says_so()
    {
        using var store = new TestStore();
        var first = store.Import("talks.txt", Articles.CorridorText);
        var auditBefore = store.Store.RecentAudit(1000).Count;

        var again = store.Import("talks-copy.txt", Articles.CorridorText.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        Assert.Contains($"already imported as article {first.Article!.Id}", again.Message, StringComparison.Ordinal);
        Assert.Contains("nothing changed", again.Message, StringComparison.Ordinal);
        Assert.Equal(2, store.Store.ListArticles(includeInactive: true).Count);
        Assert.Equal(auditBefore, store.Store.RecentAudit(1000).Count);
    }

    [Fact]
    public void A_changed_article_at_the_same_url_becomes_a_new_revision_and_the_old_passages_retire()
    {
        using var store = new TestStore();
        var first = store.Import("talks.txt", Articles.CorridorText);
        var changed = Articles.CorridorText.Replace("lasted for two days", "lasted for three days", StringComparison.Ordinal);

        var second = store.Import("talks.txt", changed);

        Assert.Equal(ImportOutcome.Revised, second.Outcome);
        Assert.Equal(2, second.Article!.Revision);
        Assert.Equal(first.Article!.Id, second.Article.Supersedes);
        Assert.Equal(ArticleStatus.Superseded, store.Store.FindArticle(first.Article.Id)!.Status);
        Assert.All(store.Store.PassagesOf(first.Article.Id), p => Assert.True(p.Retired));
        Assert.DoesNotContain(store.Store.ActivePassages(), p => p.Text.Contains("two days", StringComparison.Ordinal));
        var answer = store.Ask("How long did the Brussels talks on the corridor last?");
        Assert.Contains("three days", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(answer.Citations, c => c.ArticleId == first.Article.Id);
        Assert.Contains(store.Store.RecentAudit(10), a => a.Action == "article.supersede" && a.Subject == $"article/{first.Article.Id}");
    }

    [Theory]
    [InlineData("notes.pdf", "%PDF-1.7 some text", "unsupported file type '.pdf'")]
    [InlineData("empty.txt", "   \n\n  ", "contains no article text")]
    [InlineData("only-headers.txt", "title: Nothing here\nurl: https://example.org/x\n", "contains no article text")]
    [InlineData("scripts.html", "<html><head><script>alert(1)</script></head><body><nav>menu</nav></body></html>", "no readable text found in this HTML")]
    [InlineData("bad-date.txt", "title: T\ndate: 2023-13-45\n\nSome text here that is a sentence.", "is not a YYYY-MM-DD date")]
    public void Bad_files_are_refused_with_one_clear_line_and_the_store_is_unchanged(string fileName, string content, string expected)
    {
        using var store = new TestStore();
        var articles = store.Store.ListArticles(includeInactive: true).Count;
        var audit = store.Store.RecentAudit(1000).Count;

        var result = store.Import(fileName, content);

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Contains(expected, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Message);
        Assert.Equal(articles, store.Store.ListArticles(includeInactive: true).Count);
        Assert.Equal(audit, store.Store.RecentAudit(1000).Count);
    }

    [Fact]
    public void Binary_and_non_utf8_files_are_refused()
    {
        using var store = new TestStore();

        var binary = store.Importer.ImportFile(store.Folder.Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]), null, "test");
        var latin1 = store.Importer.ImportFile(store.Folder.Write("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 au lait, a sentence long enough.")), null, "test");

        Assert.Contains("not a text file", binary.Message, StringComparison.Ordinal);
        Assert.Contains("not UTF-8 text", latin1.Message, StringComparison.Ordinal);
        Assert.Single(store.Store.ListArticles());
    }

    [Fact]
    public void A_missing_file_and_an_oversized_file_are_refused()
    {
        using var store = new TestStore(settings: new Dictionary<string, string?> { ["Store:MaxImportBytes"] = "4096" });

        var missing = store.Importer.ImportFile(Path.Combine(store.Folder.Path, "nope.txt"), null, "test");
        var large = store.Import("large.txt", Articles.LongArticle(100));

        Assert.StartsWith("File not found:", missing.Message, StringComparison.Ordinal);
        Assert.Contains("the import limit is 4,096 bytes (setting Store:MaxImportBytes)", large.Message, StringComparison.Ordinal);
        Assert.Single(store.Store.ListArticles());
    }

    [Fact]
    public void An_import_interrupted_half_way_leaves_no_partial_article()
    {
        using var store = new TestStore();
        var passagesBefore = store.Store.ActivePassages().Count();
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(3, cancel);

        var result = store.Importer.ImportFile(store.Folder.Write("long.txt", Articles.LongArticle(60)), null, "test", progress, cancel.Token);

        Assert.Equal(ImportOutcome.Failed, result.Outcome);
        Assert.Contains("the store is unchanged", result.Message, StringComparison.Ordinal);
        Assert.Single(store.Store.ListArticles(includeInactive: true));
        Assert.Equal(passagesBefore, store.Store.ActivePassages().Count());
        Assert.Equal(passagesBefore, store.Retriever.Index.Count);
    }

    /// <summary>Cancels synchronously once a number of passages were stored, i.e. mid-transaction.</summary>
    private sealed class CancelAfter(int passages, CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.PassagesStored >= passages)
            {
                cancel.Cancel();
            }
        }
    }
}
