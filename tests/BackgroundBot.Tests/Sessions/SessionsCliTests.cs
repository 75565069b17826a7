using System.Text.Json;
using BackgroundBot.Cli;
using BackgroundBot.Knowledge;
using BackgroundBot.LiteDb;
using BackgroundBot.Sessions;
using BackgroundBot.Tests.Cli;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Tests.Sessions;

/// <summary><c>sessions list</c> and <c>sessions export ID --format md|json</c> on a store holding a session that ran in Discord.</summary>
public sealed class SessionsCliTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly CliStore _cli = new();

    [Fact]
    public async Task A_session_is_listed_and_exported_as_the_markdown_members_got_and_as_json_with_citations_and_no_anonymous_name()
    {
        Assert.Equal(ExitCodes.Success, (await _cli.Run("articles")).ExitCode);
        var markdown = StoreEndedSession();

        var list = await _cli.Run("sessions", "list", "--json");
        var md = await _cli.Run("sessions", "export", "1", "--format", "md");
        var json = await _cli.Run("sessions", "export", "1", "--format", "json");

        Assert.Equal(ExitCodes.Success, list.ExitCode);
        using var rows = JsonDocument.Parse(list.Output);
        var row = Assert.Single(rows.RootElement.EnumerateArray());
        Assert.Equal(("Ceasefires", "ended", "Ada", 2), (row.GetProperty("topic").GetString(), row.GetProperty("status").GetString(), row.GetProperty("educator").GetString(), row.GetProperty("questions").GetInt32()));

        Assert.Equal(ExitCodes.Success, md.ExitCode);
        Assert.Equal(markdown.TrimEnd() + "\n", md.Output);
        Assert.Contains("### 1. When did the ceasefire take effect?", md.Output, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, json.ExitCode);
        using var export = JsonDocument.Parse(json.Output);
        var root = export.RootElement;
        Assert.Equal((2, 1, 3), (root.GetProperty("questions").GetInt32(), root.GetProperty("answered").GetInt32(), root.GetProperty("votes").GetInt32()));
        var answer = Assert.Single(root.GetProperty("answers").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("askedBy").ValueKind);
        Assert.Equal("Azerbaijan launches offensive in Nagorno-Karabakh", answer.GetProperty("citations")[0].GetProperty("articleTitle").GetString());
        Assert.Equal("Bea", root.GetProperty("unanswered")[0].GetProperty("askedBy").GetString());
        Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.DoesNotContain("Cem", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exporting_an_unknown_session_or_in_an_unknown_format_is_refused_with_what_to_do()
    {
        var unknown = await _cli.Run("sessions", "export", "9");
        var format = await _cli.Run("sessions", "export", "1", "--format", "pdf");

        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("No session with id 9; `sessions list` shows them.", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, format.ExitCode);
        Assert.Contains("pdf", format.Error, StringComparison.Ordinal);
    }

    private string StoreEndedSession()
    {
        using var store = new LiteDbStore(Options.Create(new StoreOptions { Path = _cli.Db }), NullLogger<LiteDbStore>.Instance, TimeProvider.System);
        var passage = store.ActivePassages().First(p => p.Text.Contains("ceasefire", StringComparison.Ordinal));
        var session = store.Write(write => write.Sessions().TryStartSession(new Session
        {
            GuildId = "500", ChannelId = "600", Topic = "Ceasefires", EducatorId = "700", EducatorName = "Ada", StartedAt = Start, EndsAt = Start.AddHours(1),
        }))!;
        store.Write(write =>
        {
            write.Sessions().PutQuestion(new SessionQuestion
            {
                SessionId = session.Id, Text = "When did the ceasefire take effect?", AskerId = "702", AskerName = "Cem", Anonymous = true, AskedAt = Start,
                VoterIds = ["701", "703"], Status = QuestionStatus.Answered, AnswerOrder = 1, AnswerText = passage.Text + " [1]", PassageIds = [passage.Id],
            });
            write.Sessions().PutQuestion(new SessionQuestion { SessionId = session.Id, Text = "Who mediated?", AskerId = "701", AskerName = "Bea", AskedAt = Start, VoterIds = ["702"] });
            return 0;
        });
        var ended = session with { Status = SessionStatus.Ended, EndedAt = Start.AddMinutes(45), EndedBy = "700" };
        var markdown = new TranscriptBuilder(store, store, []).Markdown(ended);
        store.Write(write =>
        {
            write.Sessions().UpdateSession(ended with { Transcript = markdown });
            return 0;
        });
        return markdown;
    }

    public void Dispose() => _cli.Dispose();
}
