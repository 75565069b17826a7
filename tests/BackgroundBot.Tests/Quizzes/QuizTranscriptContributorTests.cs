using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Quizzes;
using BackgroundBot.Sessions;
using BackgroundBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Tests.Quizzes;

/// <summary>A quiz run in a session's channel while the session ran is part of the session's transcript.</summary>
public sealed class QuizTranscriptContributorTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly LiteDbStore _store;

    public QuizTranscriptContributorTests() =>
        _store = new LiteDbStore(Options.Create(new StoreOptions { Path = Path.Combine(_folder.Path, "store.db") }), NullLogger<LiteDbStore>.Instance, TimeProvider.System);

    [Fact]
    public void The_sessions_quiz_shows_each_right_answer_its_source_the_rooms_counts_and_the_leaderboard()
    {
        var during = AddQuiz(channel: 600, startedAt: Start.AddMinutes(10), finishedAt: Start.AddMinutes(12), topic: "ceasefire");
        AddQuiz(channel: 601, startedAt: Start.AddMinutes(10), finishedAt: Start.AddMinutes(12), topic: "elsewhere");
        AddQuiz(channel: 600, startedAt: Start.AddMinutes(50), finishedAt: Start.AddMinutes(52), topic: "after the session");
        _store.Write(write =>
        {
            write.TryAddAnswer(new QuizAnswer { QuizId = during.Id, Question = 0, UserId = 10, UserName = "Ani", Option = 1, Correct = true, Points = 950, At = Start.AddMinutes(10) });
            write.TryAddAnswer(new QuizAnswer { QuizId = during.Id, Question = 0, UserId = 11, UserName = "# Elvin", Option = 3, Correct = false, Points = 0, At = Start.AddMinutes(11) });
            return 0;
        });
        var session = new Session
        {
            Id = 1, GuildId = "500", ChannelId = "600", Topic = "Ceasefires", EducatorId = "700", StartedAt = Start, EndsAt = Start.AddHours(1),
            Status = SessionStatus.Ended, EndedAt = Start.AddMinutes(30),
        };

        var section = Assert.Single(new QuizTranscriptContributor(_store).SectionsFor(session));

        Assert.Equal("Quiz 1: ceasefire", section.Heading);
        Assert.Contains("1. In which year? The Bishkek Protocol was signed in ____.", section.Markdown, StringComparison.Ordinal);
        Assert.Contains("Right answer: 1994 (fact 7, Bishkek Protocol, https://example.org/bishkek)", section.Markdown, StringComparison.Ordinal);
        Assert.Contains("Answers: 1993: 0 · 1994: 1 · 1995: 0 · 1996: 1", section.Markdown, StringComparison.Ordinal);
        var leaderboard = section.Markdown[section.Markdown.IndexOf("Leaderboard:", StringComparison.Ordinal)..];
        Assert.True(leaderboard.IndexOf("1. Ani: 950 points (1 of 1 right)", StringComparison.Ordinal) < leaderboard.IndexOf("2. Elvin: 0 points (0 of 1 right)", StringComparison.Ordinal));
        Assert.DoesNotContain("# Elvin", section.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_without_a_quiz_gets_no_quiz_section()
    {
        var session = new Session { Id = 1, GuildId = "500", ChannelId = "600", Topic = "Ceasefires", EducatorId = "700", StartedAt = Start, EndsAt = Start.AddHours(1) };

        Assert.Empty(new QuizTranscriptContributor(_store).SectionsFor(session));
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private QuizRun AddQuiz(ulong channel, DateTimeOffset startedAt, DateTimeOffset finishedAt, string topic) => _store.Write(write => write.InsertQuiz(new QuizRun
    {
        GuildId = 500, ChannelId = channel, StartedBy = 700, Topic = topic, Seconds = 20, StartedAt = startedAt, FinishedAt = finishedAt,
        Status = QuizStatus.Finished, Current = 0, Revealed = true,
        Questions =
        [
            new QuizQuestion
            {
                FactId = 7, Kind = QuizKind.Date, Prompt = "In which year? The Bishkek Protocol was signed in ____.", Options = ["1993", "1994", "1995", "1996"],
                Answer = 1, Value = "1994", SourceTitle = "Bishkek Protocol", SourceUrl = "https://example.org/bishkek",
            },
        ],
    }));
}
