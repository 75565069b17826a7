using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;
using LiteDB;

namespace BackgroundBot.Tests.Knowledge;

/// <summary>
/// <c>--db</c> pointed at something that is not a sound store. LiteDB writes on open: it replaced a small file with a
/// fresh store, cut a larger one to whole pages, and marked a damaged one in its header, even for a read-only verb.
/// </summary>
public sealed class StoreFileTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_small_text_file_given_as_the_store_is_refused_in_one_line_and_left_as_it_was()
    {
        var notes = _folder.Write("notes.txt", "Meeting notes: call the mediators on Tuesday.\n");

        var run = await CliRun.RunAsync("articles", "--db", notes);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"{notes} is not a BackgroundBot fact store (it is not a LiteDB file), so it was left untouched; check --db or the Store:Path setting.", OneLine(run.Error));
        Assert.Equal("Meeting notes: call the mediators on Tuesday.\n", await File.ReadAllTextAsync(notes));
        Assert.Equal(["notes.txt"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_larger_file_that_is_not_a_store_is_refused_and_left_as_it_was()
    {
        var text = string.Concat(Enumerable.Repeat("A line of an operator's own file, which is not a store. ", 400));
        var file = _folder.Write("journal.db", text);

        var ask = await CliRun.RunAsync("ask", "Who monitors the Lachin corridor?", "--db", file);
        var import = await CliRun.RunAsync("import", _folder.Write("talks.txt", Articles.CorridorText), "--db", file);

        Assert.All([ask, import], run =>
        {
            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.Contains("is not a BackgroundBot fact store", OneLine(run.Error), StringComparison.Ordinal);
        });
        Assert.Equal(text, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task A_LiteDB_file_of_another_program_is_refused_and_left_as_it_was()
    {
        var other = Path.Combine(_folder.Path, "inventory.db");
        using (var db = new LiteDatabase(other))
        {
            db.GetCollection("crates").Insert(new BsonDocument { ["label"] = "tents" });
        }

        var before = await File.ReadAllBytesAsync(other);

        var run = await CliRun.RunAsync("articles", "--db", other);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("is a LiteDB file of another program", OneLine(run.Error), StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(other));
    }

    [Fact]
    public async Task A_store_with_a_broken_page_is_reported_in_one_line_pointing_to_restore_and_not_written()
    {
        var db = await NewStoreAsync();
        var bytes = await File.ReadAllBytesAsync(db);
        var page = bytes.Length / 8192 / 2;
        bytes.AsSpan(page * 8192, 8).Fill(0xA5);
        await File.WriteAllBytesAsync(db, bytes);

        var ask = await CliRun.RunAsync("ask", "Who monitors the Lachin corridor?", "--db", db);
        var articles = await CliRun.RunAsync("articles", "--db", db);

        Assert.All([ask, articles], run =>
        {
            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            Assert.StartsWith($"The fact store {db} is damaged (page {page} says it is page ", OneLine(run.Error), StringComparison.Ordinal);
            Assert.EndsWith($"it was left untouched. Restore your latest backup with `restore BACKUP.db --db {db}` (README, \"Backup and restore\").", OneLine(run.Error), StringComparison.Ordinal);
        });
        Assert.Equal(bytes, await File.ReadAllBytesAsync(db));
    }

    [Fact]
    public async Task A_store_damaged_inside_a_passage_fails_in_one_line_when_read_and_is_not_written()
    {
        var db = await NewStoreAsync();
        var bytes = await File.ReadAllBytesAsync(db);
        var damaged = 0;
        for (var at = bytes.AsSpan().IndexOf("Russian peacekeepers"u8); at >= 0; at = bytes.AsSpan().IndexOf("Russian peacekeepers"u8))
        {
            bytes.AsSpan(at, 20).Fill(0xFF);
            damaged++;
        }

        Assert.True(damaged > 0, "the seed article's passage is in the file");
        await File.WriteAllBytesAsync(db, bytes);

        var run = await CliRun.RunAsync("ask", "Who monitors the Lachin corridor?", "--db", db);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("The fact store could not be read or written (", OneLine(run.Error), StringComparison.Ordinal);
        Assert.Contains("restore your latest backup with `restore BACKUP.db`", OneLine(run.Error), StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(db));
    }

    private async Task<string> NewStoreAsync()
    {
        var db = Path.Combine(_folder.Path, "bot.db");
        var created = await CliRun.RunAsync("articles", "--db", db);
        Assert.Equal(ExitCodes.Success, created.ExitCode);
        return db;
    }

    /// <summary>The one line a refusal is; fails if there is more.</summary>
    private static string OneLine(string error)
    {
        var lines = error.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got:\n{error}");
        return lines[0];
    }
}
