using BackgroundBot.Cli;
using BackgroundBot.Community;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Moderation;
using BackgroundBot.PostgreSql;
using BackgroundBot.Quizzes;
using BackgroundBot.Sessions;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackgroundBot.Tests.Storage;

/// <summary>The command line on a PostgreSQL store: settings checked at start, every verb on either provider, and migrate-store.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlCliTests(PostgreSqlCluster cluster) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly List<string> _databases = [];

    public void Dispose()
    {
        _databases.ForEach(cluster.DropDatabase);
        _folder.Dispose();
    }

    [Fact]
    public async Task The_verbs_work_on_a_PostgreSQL_store()
    {
        var database = NewDatabase();

        var added = await RunOn(database, "facts", "add", "--statement", "The ceasefire took effect on 10 November 2020.", "--date", "2020-11-10", "--topic", "ceasefire", "--url", "https://example.org/c");
        var facts = await RunOn(database, "facts", "list");
        var audit = await RunOn(database, "audit");
        var articles = await RunOn(database, "articles");
        var timeline = await RunOn(database, "timeline", "--topic", "ceasefire");
        var export = await RunOn(database, "export", "--out", Path.Combine(_folder.Path, "pg.json"));

        Assert.Equal(ExitCodes.Success, added.ExitCode);
        Assert.Contains("The ceasefire took effect on 10 November 2020.", facts.Output, StringComparison.Ordinal);
        Assert.Contains("fact.add", audit.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, articles.ExitCode);
        Assert.Contains("2020-11-10", timeline.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, export.ExitCode);
        Assert.Contains("The ceasefire took effect on 10 November 2020.", File.ReadAllText(Path.Combine(_folder.Path, "pg.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_mistyped_connection_string_stops_start_in_one_line_without_the_password()
    {
        var missing = await CliRun.RunAsync(["articles"], Settings(("Store:Provider", "PostgreSql")));
        var mistyped = await CliRun.RunAsync(["articles"], Settings(("Store:Provider", "PostgreSql"), ("Store:ConnectionString", "Host=127.0.0.1;Pasword=hunter2-secret")));
        var provider = await CliRun.RunAsync(["articles"], Settings(("Store:Provider", "Postgres")));

        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("Store:ConnectionString is required with Store:Provider PostgreSql", missing.Error, StringComparison.Ordinal);
        Assert.Single(missing.Error.Trim().Split('\n'));
        Assert.Equal(ExitCodes.BadInput, mistyped.ExitCode);
        Assert.Contains("Store:ConnectionString is not a valid PostgreSQL connection string", mistyped.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", mistyped.Error, StringComparison.Ordinal);
        Assert.Contains("Store:Provider is not a valid store provider (LiteDb or PostgreSql)", provider.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_refused_in_one_line_that_does_not_repeat_the_password()
    {
        var closed = new NpgsqlConnectionStringBuilder(cluster.Admin) { Port = 1, Password = "hunter2-secret", Timeout = 2 }.ConnectionString;

        var run = await CliRun.RunAsync(["articles"], Settings(("Store:Provider", "PostgreSql"), ("Store:ConnectionString", closed)));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Cannot open the PostgreSQL store postgresql://127.0.0.1:1/postgres", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_build_is_refused_with_a_message_saying_so()
    {
        var database = NewDatabase();
        using (Open(database))
        {
        }

        Execute(database, "INSERT INTO schema_version (version) VALUES (99)");
        var run = await RunOn(database, "articles");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"has schema version 99, newer than this build understands ({PostgreSql.PostgreSqlSchema.Version}). Update BackgroundBot.", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Backup_and_restore_point_a_PostgreSQL_store_at_pg_dump()
    {
        var database = NewDatabase();

        var backup = await RunOn(database, "backup", "--out", Path.Combine(_folder.Path, "copy.db"));
        var restore = await RunOn(database, "restore", Path.Combine(_folder.Path, "copy.db"));

        Assert.Equal(ExitCodes.BadInput, backup.ExitCode);
        Assert.Contains("use pg_dump and pg_restore", backup.Error, StringComparison.Ordinal);
        Assert.Contains("`restore` does not handle", restore.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "copy.db")));
    }

    [Fact]
    public async Task A_store_moves_to_PostgreSQL_and_back_with_identical_exports()
    {
        var source = Path.Combine(_folder.Path, "source.db");
        await CliRun.RunAsync("import", _folder.Write("talks.txt", Articles.CorridorText), "--db", source);
        await CliRun.RunAsync("facts", "add", "--statement", "A curated fact.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/f", "--db", source);
        await CliRun.RunAsync("facts", "retract", "1", "--reason", "test", "--db", source);
        AddCommunityAndModerationRecords(source);
        var database = NewDatabase();
        var back = Path.Combine(_folder.Path, "back.db");

        var there = await CliRun.RunAsync("migrate-store", "--to-provider", "PostgreSql", "--to", database, "--db", source);
        var home = await RunOn(database, "migrate-store", "--to-provider", "LiteDb", "--to", back);
        await CliRun.RunAsync("export", "--out", Path.Combine(_folder.Path, "source.json"), "--db", source);
        await RunOn(database, "export", "--out", Path.Combine(_folder.Path, "pg.json"));
        await CliRun.RunAsync("export", "--out", Path.Combine(_folder.Path, "back.json"), "--db", back);

        Assert.Equal(ExitCodes.Success, there.ExitCode);
        Assert.Contains("both export the same", there.Output, StringComparison.Ordinal);
        Assert.True(home.ExitCode == ExitCodes.Success, home.Error);
        var exported = File.ReadAllText(Path.Combine(_folder.Path, "source.json"));
        Assert.Equal(exported, File.ReadAllText(Path.Combine(_folder.Path, "pg.json")));
        Assert.Equal(exported, File.ReadAllText(Path.Combine(_folder.Path, "back.json")));
        foreach (var part in (string[])["\"gaps\": [\n    {", "\"answers\": [\n    {", "\"feedback\": [\n    {", "\"serverSettings\": [\n    {", "\"pendingImports\": [\n    {", "\"sessions\": [\n    {", "\"sessionQuestions\": [\n    {", "\"action\": \"fact.retract\"",
            "\"quizzes\": [\n    {", "\"quizAnswers\": [\n    {", "\"faqCurations\": [\n    {", "\"userId\": 18446744073709551615"])
        {
            Assert.Contains(part, exported, StringComparison.Ordinal);
        }

        // Ids continue after the moved ones: a new fact on PostgreSQL does not collide with a moved fact.
        var next = await RunOn(database, "facts", "add", "--statement", "Added after the move.", "--date", "2025", "--topic", "politics", "--url", "https://example.org/n");
        Assert.Equal(ExitCodes.Success, next.ExitCode);
        using var moved = Open(database);
        Assert.Equal(2, moved.Write(write => write.InsertQuiz(moved.FindQuiz(1)! with { Status = QuizStatus.Running })).Id);
    }

    [Fact]
    public async Task Migrating_into_a_store_that_is_not_empty_writes_nothing()
    {
        var source = Path.Combine(_folder.Path, "source.db");
        await CliRun.RunAsync("facts", "add", "--statement", "A curated fact.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/f", "--db", source);
        var database = NewDatabase();
        await RunOn(database, "facts", "add", "--statement", "Already here.", "--date", "2024", "--topic", "politics", "--url", "https://example.org/g");
        var before = await RunOn(database, "export", "--out", Path.Combine(_folder.Path, "before.json"));

        var run = await CliRun.RunAsync("migrate-store", "--to-provider", "PostgreSql", "--to", database, "--db", source);
        await RunOn(database, "export", "--out", Path.Combine(_folder.Path, "after.json"));

        Assert.Equal(ExitCodes.Success, before.ExitCode);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("is not empty; migrate-store moves a store into an empty one only. Nothing was written.", run.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(_folder.Path, "before.json")), File.ReadAllText(Path.Combine(_folder.Path, "after.json")));
    }

    [Fact]
    public async Task Instances_starting_together_on_a_new_shared_store_seed_it_once()
    {
        var database = NewDatabase();
        Action<IHostApplicationBuilder> settings = Settings(("Store:Provider", "PostgreSql"), ("Store:ConnectionString", database), ("Store:SeedPack", "false"));

        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => BotHost.StartAsync(null, settings, CancellationToken.None))));
        try
        {
            var aliases = StoreSeeder.LoadAliases(Path.Combine(AppContext.BaseDirectory, "Data", "aliases.json"));
            using var store = Open(database);
            Assert.Equal(aliases.Count, store.ListAliases().Count);
            Assert.Equal(aliases.Count, store.AllAudit().Count(a => a.Action == "alias.add"));
            Assert.Single(store.ListArticles(includeInactive: true));
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }

    private static void AddCommunityAndModerationRecords(string path)
    {
        using var store = new LiteDbStore(Options.Create(new StoreOptions { Path = path }), NullLogger<LiteDbStore>.Instance, TimeProvider.System);
        store.Write(write =>
        {
            var answer = write.InsertAnswer(new AnswerRecord { Question = "Who hosted the talks?", Text = "The EU [1].", Grounded = true, PassageIds = [1], AskerId = "42", ThreadId = "900", CreatedAt = Now });
            write.PutFeedback(new AnswerFeedback { Id = $"{answer.Id}:7", AnswerId = answer.Id, UserId = "7", Helpful = true, At = Now.AddMinutes(1) });
            write.PutGap(new Gap { Terms = ["weather", "baku"], Question = "Weather in Baku?", Count = 2, FirstAsked = Now, LastAsked = Now.AddHours(1), AskerIds = ["1", "2"] });
            write.PutGuildSettings(new GuildSettings { Id = "500", ReviewChannelId = 1_111_111_111_111_111_111, ModeratorRoleIds = [1_234_567_890_123_456_789] });
            write.PutPendingImport(new PendingImport { Id = "up-1", FileName = "talks.txt", Content = "hello"u8.ToArray(), Actor = "mod:1", CreatedAt = Now.ToOffset(TimeSpan.FromHours(4)) });
            write.PutSuggestion(new Suggestion { ProposerId = "42", Text = "Add the 2020 ceasefire.", CreatedAt = Now.AddTicks(1234567) });
            write.Audit(Now.AddTicks(7), "mod:1", "settings.set", "guild/500", null, new { ReviewChannelId = 1 });
            var session = write.TryStartSession(new Session
            {
                GuildId = "500", ChannelId = "600", Topic = "Ceasefires", EducatorId = "700", StartedAt = Now, EndsAt = Now.AddHours(1), CohostIds = ["701"],
            })!;
            write.PutQuestion(new SessionQuestion
            {
                SessionId = session.Id, Text = "Who mediated?", AskerId = "710", AskerName = "Bea", Anonymous = true, AskedAt = Now.AddMinutes(2),
                VoterIds = ["711"], Status = QuestionStatus.Answered, AnswerOrder = 1, AnswerText = "The OSCE Minsk Group [1].", PassageIds = [1],
            });
            var quiz = write.InsertQuiz(new QuizRun
            {
                GuildId = 500, ChannelId = 1_234_567_890_123_456_789, StartedBy = ulong.MaxValue - 1, Topic = "ceasefire", Seconds = 20,
                Current = 0, AskedAt = Now.AddTicks(3), Revealed = true, Status = QuizStatus.Finished, StartedAt = Now, FinishedAt = Now.AddMinutes(1),
                Questions =
                [
                    new QuizQuestion
                    {
                        FactId = 1, Kind = QuizKind.Date, Prompt = "In which year? The Bishkek Protocol was signed in ____.", Options = ["1993", "1994", "1995", "1996"],
                        Answer = 1, Value = "1994", SourceTitle = "Bishkek Protocol", SourceUrl = "https://example.org/bishkek",
                    },
                ],
            });
            write.TryAddAnswer(new QuizAnswer { QuizId = quiz.Id, Question = 0, UserId = 10, UserName = "Ani", Option = 1, Correct = true, Points = 150, At = Now.AddSeconds(2) });
            write.TryAddAnswer(new QuizAnswer { QuizId = quiz.Id, Question = 0, UserId = ulong.MaxValue, UserName = "Elvin", Option = 3, Correct = false, Points = 0, At = Now.AddSeconds(9) });
            write.PutFaqCuration(new FaqCuration { Id = "who monitors the lachin corridor", Pinned = true, Wording = "Who monitors the Lachin road?", By = "discord:1", At = Now });
            write.PutFaqCuration(new FaqCuration { Id = "when was the bishkek protocol signed", Hidden = true, By = "discord:1", At = Now.AddTicks(5) });
            return 0;
        });
    }

    private string NewDatabase()
    {
        var database = cluster.CreateDatabase();
        _databases.Add(database);
        return database;
    }

    private static PostgreSqlStore Open(string database) =>
        new(Options.Create(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = database }), NullLogger<PostgreSqlStore>.Instance);

    private static void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static Task<CliRun> RunOn(string database, params string[] args) =>
        CliRun.RunAsync(args, Settings(("Store:Provider", "PostgreSql"), ("Store:ConnectionString", database)));

    private static Action<IHostApplicationBuilder> Settings(params (string Key, string Value)[] settings) =>
        builder => builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
}
