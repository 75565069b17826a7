using BackgroundBot.Cli;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Tests.Infrastructure;
using LiteDB;

namespace BackgroundBot.Tests.Knowledge;

public sealed class StoreTests
{
    [Fact]
    public async Task The_store_file_carries_its_schema_version()
    {
        using var folder = TempFolder.Create();
        var path = Path.Combine(folder.Path, "bot.db");
        using (await BotHost.StartAsync(path, null, CancellationToken.None))
        {
        }

        using var db = new LiteDatabase(path);
        Assert.Equal(LiteDbStore.SchemaVersion, db.UserVersion);
    }

    [Fact]
    public async Task A_store_from_a_newer_version_is_refused_with_a_message_saying_so()
    {
        using var folder = TempFolder.Create();
        var path = Path.Combine(folder.Path, "future.db");
        using (var db = new LiteDatabase(path))
        {
            db.UserVersion = LiteDbStore.SchemaVersion + 1;
        }

        var run = await CliRun.RunAsync("articles", "--db", path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("newer than this build understands", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_store_is_created_with_its_folder_on_first_use()
    {
        using var folder = TempFolder.Create();
        var path = Path.Combine(folder.Path, "nested", "deeper", "bot.db");

        using (await BotHost.StartAsync(path, null, CancellationToken.None))
        {
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_write_that_throws_leaves_nothing_behind()
    {
        using var store = new TestStore();
        var before = store.Store.ListArticles(includeInactive: true).Count;

        Assert.Throws<InvalidOperationException>(() => store.Store.Write<int>(write =>
        {
            write.InsertArticle(new Article { Title = "half", ImportedBy = "test", ContentHash = "x", Text = "half" });
            throw new InvalidOperationException("disk pulled out");
        }));

        Assert.Equal(before, store.Store.ListArticles(includeInactive: true).Count);
    }
}
