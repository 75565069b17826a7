using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.PostgreSql;
using BackgroundBot.Quizzes;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BackgroundBot.Tests.Storage;

/// <summary>Issue 15's records on a PostgreSQL store shared by several instances, and on one made by an older build.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlQuizStoreTests(PostgreSqlCluster cluster) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
    private readonly string _database = cluster.CreateDatabase();

    public void Dispose() => cluster.DropDatabase(_database);

    [Fact]
    public async Task A_members_presses_handled_by_two_instances_at_once_count_once()
    {
        using var a = Open();
        using var b = Open();
        var quiz = a.Write(write => write.InsertQuiz(NewQuiz()));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Ten presses of one member, each instance taking every other one, all released together.
        var presses = Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var store = i % 2 == 0 ? a : b;
            return (Option: i % 4, First: store.Write(write => write.TryAddAnswer(NewAnswer(quiz.Id, option: i % 4, at: Now.AddMilliseconds(i)))));
        })).ToList();
        go.SetResult();
        var results = await Task.WhenAll(presses);

        var first = Assert.Single(results, r => r.First);
        var stored = Assert.Single(b.AnswersOf(quiz.Id));
        Assert.Equal(first.Option, stored.Option);
    }

    [Fact]
    public void A_store_made_before_quizzes_gains_their_tables_and_lists_its_old_answers_for_the_faq()
    {
        using (var store = Open())
        {
            store.Write(write => write.InsertAnswer(new AnswerRecord { Question = "Who monitors the corridor?", Text = "a", CreatedAt = Now.AddDays(-3) }));
        }

        // Back to schema 1, before quizzes and sessions: no quiz, FAQ or session tables, answers without created_at.
        Execute("""
            DROP TABLE quizzes, quiz_answers, faq_curations, sessions, session_questions;
            DROP INDEX answers_created_at;
            ALTER TABLE answers DROP COLUMN created_at;
            DELETE FROM schema_version WHERE version >= 2;
            """);

        using var upgraded = Open();
        var quiz = upgraded.Write(write => write.InsertQuiz(NewQuiz()));

        Assert.Equal(["Who monitors the corridor?"], upgraded.AnswersSince(Now.AddDays(-90)).Select(a => a.Question));
        Assert.Empty(upgraded.AnswersSince(Now.AddDays(-1)));
        Assert.Equal(quiz.Id, upgraded.RunningIn(1_234_567_890_123_456_789)!.Id);
        Assert.Empty(upgraded.ActiveSessions());
    }

    private PostgreSqlStore Open() =>
        new(Options.Create(new StoreOptions { Provider = StoreProvider.PostgreSql, ConnectionString = _database }), NullLogger<PostgreSqlStore>.Instance);

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static QuizRun NewQuiz() => new()
    {
        GuildId = 500,
        ChannelId = 1_234_567_890_123_456_789,
        StartedBy = 1,
        Seconds = 20,
        StartedAt = Now,
        Questions =
        [
            new QuizQuestion
            {
                FactId = 7, Kind = QuizKind.Date, Prompt = "In which year? The Bishkek Protocol was signed in ____.", Options = ["1993", "1994", "1995", "1996"],
                Answer = 1, Value = "1994", SourceTitle = "Bishkek Protocol",
            },
        ],
    };

    private static QuizAnswer NewAnswer(int quiz, int option, DateTimeOffset at) =>
        new() { QuizId = quiz, Question = 0, UserId = 700, UserName = "Ani", Option = option, Correct = option == 1, Points = option == 1 ? 100 : 0, At = at };
}
