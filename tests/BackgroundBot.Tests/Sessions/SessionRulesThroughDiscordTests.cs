using System.Text.Json.Nodes;
using BackgroundBot.Sessions;
using BackgroundBot.Tests.Community;
using Microsoft.Extensions.DependencyInjection;
using static BackgroundBot.Tests.Sessions.SessionHarness;

namespace BackgroundBot.Tests.Sessions;

/// <summary>Approval mode, who may steer a session (forged components included), and a session's end time, through the fake Discord.</summary>
public sealed class SessionRulesThroughDiscordTests
{
    private const string Bea = "701";
    private const string Cem = "702";

    [Fact]
    public async Task In_approval_mode_a_question_is_never_visible_until_approved_and_a_rejected_one_never()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires"), ("approval", true)), ManageChannels);

        var waiting = await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");
        await bot.AskAsync(Cem, "Is this a secret question nobody should see?");
        var memberTranscript = await bot.SessionAsync(Cem, Sub("transcript"), requests: 2);

        Assert.Contains("waiting for the educator's approval", Content(waiting[0]), StringComparison.Ordinal);
        Assert.Single(bot.Discord.Messages.In(Channel)); // the header only
        var live = bot.Discord.Messages.FollowUpsOf(TokenOf(memberTranscript)).Concat([bot.Discord.Messages.OriginalOf(TokenOf(memberTranscript))!]).SelectMany(m => m.Attachments).Single();
        Assert.DoesNotContain("Lachin", live.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", live.Text, StringComparison.Ordinal);
        Assert.Contains("- Questions: 0", live.Text, StringComparison.Ordinal);

        // The educator sees the first waiting question on the panel, approves it, and rejects the next.
        var panel = await bot.SessionAsync(Educator, Sub("queue"), ManageChannels);
        Assert.Contains("Waiting for approval** (2): #1 Who monitors the Lachin corridor?", Description(panel), StringComparison.Ordinal);
        var approved = await bot.PressAsync(Educator, Controls(panel)["Approve"], permissions: ManageChannels);
        Assert.Contains("Approved #1", Description(approved[^1]), StringComparison.Ordinal);
        var rejected = await bot.PressAsync(Educator, Controls(JsonLast(approved))["Reject"], permissions: ManageChannels);
        Assert.Contains("Rejected #2", Description(rejected[^1]), StringComparison.Ordinal);

        var shown = bot.Discord.Messages.In(Channel).Skip(1).ToList();
        Assert.Equal("Who monitors the Lachin corridor?", Assert.Single(shown).EmbedDescription);
        await bot.SessionAsync(Educator, Sub("end"), ManageChannels, requests: 2);
        var transcript = bot.Discord.Messages.In(Channel).Single(m => m.Attachments.Count > 0).Attachments[0].Text;
        Assert.Contains("Who monitors the Lachin corridor?", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", transcript, StringComparison.Ordinal);
        // Only the hosts' private panel ever showed it; nothing in the channel did.
        Assert.All(bot.Discord.Messages.In(Channel), m => Assert.DoesNotContain("secret", m.Content + m.Embeds.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_educator_cannot_start_steer_or_end_a_session_even_with_forged_components()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        var store = bot.BotServices.GetRequiredService<ISessionStore>();

        var refused = await bot.SessionAsync(Bea, Sub("start", ("topic", "Mine now")));
        Assert.Equal(EducatorPolicy.NotAnEducator, Content(refused));
        Assert.Empty(store.ListSessions());
        Assert.Empty(bot.Discord.Messages.In(Channel));

        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires")), ManageChannels);
        await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");
        await bot.AskAsync(Cem, "When did the ceasefire take effect?");
        var posted = bot.Discord.Messages.In(Channel).Count;

        // A member sends the panel's components without ever seeing the panel, and the host commands.
        string[] forged = ["session:next:1", "session:skip:1", "session:merge:1:1:2", "session:end:1", "session:own:1"];
        foreach (var customId in forged)
        {
            var reply = await bot.PressAsync(Bea, customId, requests: 1);
            Assert.StartsWith(SessionsInteractionHandler.NotAHost, Content(reply[0]), StringComparison.Ordinal);
        }

        var picked = await bot.PressAsync(Bea, "session:pick:1", requests: 1, value: "2");
        var ownWords = await bot.SubmitOwnWordsAsync(Bea, "session:own-modal:1:1", "Forged answer.");
        var queue = await bot.SessionAsync(Bea, Sub("queue"));
        var end = await bot.SessionAsync(Bea, Sub("end"));
        var cohost = await bot.SessionAsync(Bea, Sub("cohost", ("member", Bea)));
        Assert.StartsWith(SessionsInteractionHandler.NotAHost, Content(picked[0]), StringComparison.Ordinal);
        Assert.StartsWith(SessionsInteractionHandler.NotAHost, Content(ownWords[0]), StringComparison.Ordinal);
        Assert.Equal(SessionsInteractionHandler.NotAHost, Content(queue));
        Assert.Equal(SessionsInteractionHandler.NotAHost, Content(end));
        Assert.Equal("Only the session's educator can add co-hosts.", Content(cohost));

        // Even Manage Channels does not make a member a host of someone else's session.
        var otherEducator = await bot.PressAsync(Cem, "session:end:1", requests: 1, permissions: ManageChannels);
        Assert.StartsWith(SessionsInteractionHandler.NotAHost, Content(otherEducator[0]), StringComparison.Ordinal);

        Assert.Equal(posted, bot.Discord.Messages.In(Channel).Count);
        Assert.Equal(SessionStatus.Active, store.FindSession(1)!.Status);
        Assert.All(store.QuestionsOf(1), q => Assert.Equal(QuestionStatus.Open, q.Status));
        Assert.Equal(2, store.QuestionsOf(1).Count);

        // A co-host the educator named may steer.
        await bot.SessionAsync(Educator, Sub("cohost", ("member", Cem)), ManageChannels);
        var next = await bot.PressAsync(Cem, "session:next:1");
        Assert.Contains("Answered #1", Description(next[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_whose_time_ran_out_while_the_bot_was_stopped_is_closed_with_its_transcript_at_the_next_start()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires"), ("duration", 30)), ManageChannels);
        await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");
        var store = bot.BotServices.GetRequiredService<ISessionStore>();
        var endsAt = store.FindSession(1)!.EndsAt;

        await bot.RestartAsync(whileStopped: () => bot.Time.Advance(TimeSpan.FromHours(2)));
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{Channel}/messages", StringComparison.Ordinal) && r.Files.Count > 0));

        var posted = bot.Discord.Messages.In(Channel).Single(m => m.Attachments.Count > 0);
        Assert.StartsWith("**Session #1 ended** (its time ran out)", posted.Content, StringComparison.Ordinal);
        var transcript = posted.Attachments[0].Text;
        Assert.Contains("(its time ran out)", transcript, StringComparison.Ordinal);
        Assert.Contains("### Who monitors the Lachin corridor?", transcript, StringComparison.Ordinal);
        store = bot.BotServices.GetRequiredService<ISessionStore>();
        var ended = store.FindSession(1)!;
        Assert.Equal(SessionStatus.Ended, ended.Status);
        Assert.Equal(endsAt, ended.EndedAt);
        Assert.Null(store.ActiveSessionIn(Channel));

        // The header then says the session ended.
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PATCH", $"/channels/{Channel}/messages/"));
        Assert.Contains("Ended <t:", bot.Discord.Messages.In(Channel)[0].EmbedDescription, StringComparison.Ordinal);

        // /ask in the channel answers again at once, and the history lists the session with its transcript.
        var history = await bot.SessionAsync(Bea, Sub("history"));
        Assert.Contains("#1 · Ceasefires", Content(history), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_session_ends_when_its_time_runs_out_and_contributed_sections_join_the_transcript()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(services: s => s.AddSingleton<ITranscriptContributor>(new QuizResults()));
        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires"), ("duration", 5)), ManageChannels);
        await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");

        bot.Time.Advance(TimeSpan.FromMinutes(6));
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Files.Count > 0));

        var transcript = bot.Discord.Messages.In(Channel).Single(m => m.Attachments.Count > 0).Attachments[0].Text;
        Assert.Contains("(its time ran out)", transcript, StringComparison.Ordinal);
        var quiz = transcript.IndexOf("## Quiz results\n\n1. Bea: 3 of 3", StringComparison.Ordinal);
        Assert.True(quiz > transcript.IndexOf("## Not answered", StringComparison.Ordinal) && quiz < transcript.IndexOf("## Sources", StringComparison.Ordinal), transcript);
        var late = await bot.VoteAsync(Cem, 1, expectEdit: false);
        Assert.Equal("This session has ended, so its votes are closed.", Content(late[0]));
    }

    [Fact]
    public async Task A_members_per_minute_limit_applies_to_queued_questions()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync(prepareStore: b =>
        {
            b.Settings["Community:QuestionsPerUserPerMinute"] = "1";
            return Task.CompletedTask;
        });
        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires")), ManageChannels);

        await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");
        var second = await bot.SessionAsync(Bea, Sub("ask", ("question", "When did the ceasefire take effect?")));

        Assert.StartsWith("That's a lot of questions at once: please try again in", Content(second), StringComparison.Ordinal);
        Assert.Single(bot.BotServices.GetRequiredService<ISessionStore>().QuestionsOf(1));
    }

    [Fact]
    public async Task A_transcript_Discord_refused_is_posted_at_the_next_check()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires")), ManageChannels);
        await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");
        bot.Discord.InjectFault("POST", $"/channels/{Channel}/messages", new Testing.FakeDiscord.RestFault(403));

        var ended = await bot.SessionAsync(Educator, Sub("end"), ManageChannels, requests: 2);

        Assert.StartsWith("The session has ended. Discord did not take its transcript just now", Content(ended), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Messages.In(Channel), m => m.Attachments.Count > 0);
        Assert.Equal(SessionStatus.Ended, bot.BotServices.GetRequiredService<ISessionStore>().FindSession(1)!.Status);

        bot.Time.Advance(TimeSpan.FromMinutes(1));
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync(r => r.Method == "POST" && r.Files.Count > 0 && r.AnsweredWith == 200));
        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync("PATCH", $"/channels/{Channel}/messages/"));

        var posted = Assert.Single(bot.Discord.Messages.In(Channel), m => m.Attachments.Count > 0);
        Assert.Contains("### Who monitors the Lachin corridor?", posted.Attachments[0].Text, StringComparison.Ordinal);
        // Remembered as posted, so no later check posts it again.
        Assert.Equal(posted.Id, bot.BotServices.GetRequiredService<ISessionStore>().FindSession(1)!.TranscriptMessageId);
    }

    [Fact]
    public async Task Two_hosts_pressing_Answer_next_together_answer_two_questions_not_one_twice()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();
        await bot.SessionAsync(Educator, Sub("start", ("topic", "Ceasefires")), ManageChannels);
        await bot.SessionAsync(Educator, Sub("cohost", ("member", Cem)), ManageChannels);
        await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");
        await bot.AskAsync(Bea, "When did the ceasefire take effect?");

        // Both presses reach the bot before either is answered.
        foreach (var (id, host) in new[] { (90_001UL, Educator), (90_002UL, Cem) })
        {
            var press = Testing.InteractionJson.Button(id, "session:next:1", host);
            await bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", press);
        }

        await bot.PumpUntilAsync(bot.Discord.WaitForRequestsAsync(r => r.Method == "PATCH" && r.Path.Contains("/messages/@original", StringComparison.Ordinal)
            && (r.Path.Contains("itoken-90001", StringComparison.Ordinal) || r.Path.Contains("itoken-90002", StringComparison.Ordinal)), count: 2));

        var questions = bot.Discord.Messages.In(Channel).Skip(1).Take(2).Select(m => m.Id).ToList();
        var replies = bot.Discord.Messages.In(Channel).Where(m => m.ReplyTo is not null).Select(m => m.ReplyTo).ToList();
        Assert.Equal(questions.Order(), replies.Order());
        Assert.All(bot.BotServices.GetRequiredService<ISessionStore>().QuestionsOf(1), q => Assert.Equal(QuestionStatus.Answered, q.Status));
    }

    private sealed class QuizResults : ITranscriptContributor
    {
        public IReadOnlyList<TranscriptSection> SectionsFor(Session session) => [new("Quiz results", "1. Bea: 3 of 3")];
    }

    private static string TokenOf(Testing.FakeDiscord.RecordedRequest request) =>
        request.Path.Split('/').First(p => p.StartsWith("itoken-", StringComparison.Ordinal));

    private static Testing.FakeDiscord.RecordedRequest JsonLast(IReadOnlyList<Testing.FakeDiscord.RecordedRequest> replies) => replies[^1];
}
