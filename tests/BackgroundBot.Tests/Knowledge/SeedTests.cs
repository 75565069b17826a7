using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Text;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Knowledge;

public sealed class SeedTests
{
    [Fact]
    public void A_new_store_holds_the_seed_article_dated_from_its_first_line()
    {
        using var store = new TestStore();

        var article = Assert.Single(store.Store.ListArticles());
        Assert.Equal(new DateOnly(2023, 11, 16), article.Published);
        Assert.Equal(StoreSeeder.Actor, article.ImportedBy);
        Assert.StartsWith("Amid rising tensions", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("date 2023", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_passages_keep_whole_sentences_and_their_span_in_the_article()
    {
        using var store = new TestStore();
        var article = store.Store.ListArticles().Single();
        var passages = store.Store.PassagesOf(article.Id);

        Assert.InRange(passages.Count, 4, 12);
        foreach (var passage in passages)
        {
            Assert.Equal(passage.Text, article.Text.Substring(passage.Start, passage.Length));
            Assert.Matches(@"[.!?”""]$", passage.Text);
            Assert.True(char.IsUpper(passage.Text[0]), $"Passage {passage.Id} starts mid-sentence: {passage.Text}");
            Assert.InRange(SentenceSplitter.CountWords(passage.Text), 30, 120);
        }
    }

    [Fact]
    public void The_seed_trailing_heading_with_nothing_after_it_is_not_a_passage()
    {
        using var store = new TestStore();

        var passages = store.Store.ActivePassages().ToList();
        Assert.DoesNotContain(passages, p => p.Text.Contains("Frequently Asked Questions", StringComparison.Ordinal));
        Assert.EndsWith("catastrophic consequences.", passages.OrderBy(p => p.Id).Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeding_happens_once_per_store_file()
    {
        using var folder = TempFolder.Create();
        var db = Path.Combine(folder.Path, "store.db");
        var first = await SeededArticleCount(db);
        var second = await SeededArticleCount(db);

        Assert.Equal(1, first);
        Assert.Equal(1, second);
    }

    [Fact]
    public void The_seed_brings_place_name_aliases_and_audits_every_change()
    {
        using var store = new TestStore();

        Assert.Contains(store.Store.ListAliases(), a => a.Names.Contains("Stepanakert") && a.Names.Contains("Khankendi") && a.ShowBoth);
        var audit = store.Store.RecentAudit(100);
        Assert.Contains(audit, a => a.Action == "article.import" && a.Actor == StoreSeeder.Actor && a.After!.Contains("\"passages\"", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "alias.add");
        Assert.All(audit, a => Assert.Equal(store.Time.GetUtcNow(), a.At));
    }

    private static async Task<int> SeededArticleCount(string db)
    {
        using var host = await BackgroundBot.Cli.BotHost.StartAsync(db, null, CancellationToken.None);
        return host.Services.GetRequiredService<LiteDbStore>().ListArticles(includeInactive: true).Count;
    }
}
