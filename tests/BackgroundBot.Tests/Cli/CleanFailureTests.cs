using System.Net;
using System.Net.Sockets;
using BackgroundBot.Cli;
using BackgroundBot.Moderation;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Cli;

/// <summary>
/// Every verb and both servers fail with one line and exit 1, never a stack trace or exit 134 (the runtime's abort on
/// an unhandled exception); and stored text reaches the operator's terminal with its control characters escaped.
/// </summary>
public sealed class CleanFailureTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_setting_of_the_wrong_type_is_named_in_one_line_by_the_real_executable()
    {
        var run = await BotProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string> { ["Answering__MinCoverage"] = "abc", ["Store__SeedPack"] = "false" },
            "ask", "Who monitors the Lachin corridor?");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            "Configuration error: the setting Answering:MinCoverage is not a valid number (environment variable Answering__MinCoverage); fix or remove it.",
            run.ErrorLines.Single());
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_folder_given_as_the_store_is_refused_in_one_line()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, "data")).FullName;

        var run = await CliRun.RunAsync("facts", "list", "--db", folder);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"{folder} is a folder, not a fact store file; give the file itself, e.g. --db {Path.Combine(folder, "backgroundbot.db")}.", OneLine(run.Error));
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_stops_with_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliRun.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(_folder.Path, "bot.db")],
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Discord:Token"] = "test-token.abc",
                ["Discord:ApplicationId"] = "1000",
                ["Discord:PublicKey"] = new string('a', 64),
                ["Discord:ApiBaseUrl"] = "http://127.0.0.1:9/api/v10",
                ["Store:SeedPack"] = "false",
            }));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"Cannot serve: Failed to bind to address http://127.0.0.1:{port}: address already in use. Another program listens there; choose another address with --urls.", OneLine(run.Error));
    }

    [Fact]
    public async Task Export_to_a_place_that_cannot_be_written_fails_in_one_line()
    {
        var db = Path.Combine(_folder.Path, "bot.db");
        var notAFolder = _folder.Write("exports", "a file where a folder was expected");

        var run = await CliRun.RunAsync("export", "--out", Path.Combine(notAFolder, "store.json"), "--db", db);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.EndsWith(CliFailure.DetailsHint, OneLine(run.Error), StringComparison.Ordinal);
        Assert.Equal("a file where a folder was expected", await File.ReadAllTextAsync(notAFolder));
    }

    [Fact]
    public async Task A_backup_onto_a_full_disk_fails_in_one_line()
    {
        var db = Path.Combine(_folder.Path, "bot.db");
        Assert.Equal(ExitCodes.Success, (await CliRun.RunAsync("articles", "--db", db)).ExitCode);

        // /dev/full accepts the open and fails every write with ENOSPC, as a full disk does.
        var run = await CliRun.RunAsync("backup", "--out", "/dev/full", "--db", db);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("No space left on device", OneLine(run.Error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gaps_and_the_review_queue_show_stored_text_with_control_characters_escaped()
    {
        const string Attack = "Who rules?\u001b]0;owned\u0007\u001b[2J\u001b[1;31mFAKE\u202e\r\nsecond line";
        var db = Path.Combine(_folder.Path, "bot.db");
        using (var host = await BotHost.StartAsync(db, b => b.Configuration.AddInMemoryCollection([new("Store:SeedPack", "false")]), CancellationToken.None))
        {
            host.Services.GetRequiredService<GapLog>().Record(Attack, "321");
            host.Services.GetRequiredService<ReviewQueue>().Submit(new Suggestion { Kind = SuggestionKind.NewFact, ProposerId = "321", Text = Attack });
        }

        var gaps = await CliRun.RunAsync("gaps", "--db", db);
        var review = await CliRun.RunAsync("review", "list", "--db", db);

        foreach (var run in new[] { gaps, review })
        {
            Assert.Equal(ExitCodes.Success, run.ExitCode);
            var line = Assert.Single(run.Output.TrimEnd().Split('\n'));
            Assert.DoesNotContain(line, c => c is '\u001b' or '\u0007' or '\r' or '\u202e');
            Assert.Contains("Who rules?\\x1B]0;owned\\x07\\x1B[2J\\x1B[1;31mFAKE\\u202E\\r\\nsecond line", line, StringComparison.Ordinal);
        }
    }

    /// <summary>The one line a failure is; fails if there is more.</summary>
    private static string OneLine(string error)
    {
        var lines = error.TrimEnd().Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got:\n{error}");
        return lines[0];
    }
}
