using System.Text.Json.Nodes;
using BackgroundBot.Sessions;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Community;
using Microsoft.Extensions.DependencyInjection;
using static BackgroundBot.Tests.Sessions.SessionHarness;

namespace BackgroundBot.Tests.Sessions;

/// <summary>
/// A whole live Q&amp;A session through the fake Discord with the real <c>run</c> verb, checked by what participants see: the
/// channel's messages, the educator's panel, and the transcript file posted at the end.
/// </summary>
public sealed class SessionThroughDiscordTests
{
    private const string Bea = "701";
    private const string Cem = "702";
    private const string Dan = "703";

    [Fact]
    public async Task An_educator_runs_a_session_across_a_restart_and_the_transcript_keeps_order_answers_citations_counts_and_anonymity()
    {
        await using var bot = await BotOnFakeDiscord.StartAsync();

        // The educator starts it: a header in the channel, the panel privately.
        var started = await bot.SessionAsync(Educator, Sub("start", ("topic", "The 2020 war and its ceasefire"), ("duration", 90)), ManageChannels);
        Assert.Equal(64, (int)JsonNode.Parse(started.Body)!["data"]!["flags"]! & 64);
        var header = Assert.Single(bot.Discord.Messages.In(Channel));
        Assert.Equal("Live Q&A: The 2020 war and its ceasefire", (string?)header.Embeds[0]!["title"]);
        Assert.Contains("Hosted by **Ada**", header.EmbedDescription, StringComparison.Ordinal);
        Assert.Contains("/ask", header.EmbedDescription, StringComparison.Ordinal);
        Assert.Matches(@"Ends <t:\d+:R>", header.EmbedDescription);

        // Three members queue questions; Cem's is anonymous, Dan's first one asks what Bea's asks.
        var q1 = await bot.AskAsync(Bea, "Who monitors the Lachin corridor?");
        var q2 = await bot.SessionAsync(Cem, Sub("ask", ("question", "When did the ceasefire take effect?"), ("anonymous", true)));
        var q3 = await bot.SessionAsync(Dan, Sub("ask", ("question", "Who are the peacekeepers monitoring the Lachin corridor?")));
        await bot.SessionAsync(Dan, Sub("ask", ("question", "Will the region see lasting peace soon?")));
        await bot.AskAsync(Bea, "How should a classroom discuss disputed place names?");
        Assert.Equal("Your question is in the queue as #1.", Content(q1[0]));
        Assert.StartsWith("Your question is in the queue as #2.", Content(q2), StringComparison.Ordinal);
        Assert.Contains("A similar question is already queued (#1)", Content(q3), StringComparison.Ordinal);
        var questions = bot.Discord.Messages.In(Channel).Skip(1).ToList();
        Assert.Equal(5, questions.Count);
        Assert.Equal("Who monitors the Lachin corridor?", questions[0].EmbedDescription);
        Assert.Equal(["▲ Upvote"], questions[0].ButtonLabels);
        Assert.StartsWith("Asked by Bea · ▲ 0 votes", (string?)questions[0].Embeds[0]!["footer"]!["text"], StringComparison.Ordinal);
        Assert.StartsWith("Asked anonymously", (string?)questions[1].Embeds[0]!["footer"]!["text"], StringComparison.Ordinal);

        // Votes: one each, and a second press takes a vote back.
        await bot.VoteAsync(Bea, 2);
        await bot.VoteAsync(Dan, 2);
        await bot.VoteAsync(Cem, 2);
        await bot.VoteAsync(Cem, 1);
        await bot.VoteAsync(Bea, 3);
        await bot.VoteAsync(Dan, 4);
        await bot.VoteAsync(Dan, 4);
        Assert.StartsWith("Asked anonymously · ▲ 3 votes", Footer(bot, 2), StringComparison.Ordinal);
        Assert.StartsWith("Asked by Dan · ▲ 0 votes", Footer(bot, 4), StringComparison.Ordinal);

        // The panel lists the queue by votes, then age, and offers the duplicate for merging.
        var panel = await bot.SessionAsync(Educator, Sub("queue"), ManageChannels);
        Assert.Matches(@"1\. #2 ▲3 When did.*\n2\. #1 ▲1 Who monitors.*\n3\. #3 ▲1 Who are.*\n4\. #4 ▲0 Will.*\n5\. #5 ▲0 How should", Description(panel));
        Assert.Contains("#3 asks what #1 asks", Description(panel), StringComparison.Ordinal);
        var controls = Controls(panel);

        // Answer next: the most voted question gets the bot's cited answer, as a reply to the question.
        var next = await bot.PressAsync(Educator, controls["Answer next"], permissions: ManageChannels);
        Assert.Contains("Answered #2 with a cited answer", Description(next[^1]), StringComparison.Ordinal);
        var answer = bot.Discord.Messages.In(Channel).Single(m => m.ReplyTo == questions[1].Id);
        Assert.Equal("When did the ceasefire take effect?", (string?)answer.Embeds[0]!["title"]);
        Assert.Contains("[1]", answer.EmbedDescription, StringComparison.Ordinal);
        Assert.StartsWith("[1] Azerbaijan launches offensive", (string?)answer.Embeds[0]!["fields"]![0]!["value"], StringComparison.Ordinal);
        Assert.Equal(["Show sources", "Helpful", "Not helpful", "Report a problem"], answer.ButtonLabels);
        Assert.Contains("✅ answered", Footer(bot, 2), StringComparison.Ordinal);

        // Merge: #3's votes join #1's.
        var merged = await bot.PressAsync(Educator, controls["Merge"], permissions: ManageChannels);
        Assert.Contains("Merged #3 into #1, which now has 2 votes", Description(merged[^1]), StringComparison.Ordinal);
        Assert.Contains("merged into question #1", Footer(bot, 3), StringComparison.Ordinal);

        // The bot restarts; the session, its queue messages and the panel's buttons go on working.
        await bot.RestartAsync();
        await bot.VoteAsync(Dan, 5);
        Assert.StartsWith("Asked by Bea · ▲ 1 vote", Footer(bot, 5), StringComparison.Ordinal);
        var afterRestart = await bot.PressAsync(Educator, controls["Answer next"], permissions: ManageChannels);
        Assert.Contains("Answered #1 with a cited answer", Description(afterRestart[^1]), StringComparison.Ordinal);

        // Skip passes over the top question (#5 now leads with its vote); Answer myself answers the next in the educator's words.
        var skipped = await bot.PressAsync(Educator, controls["Skip"], permissions: ManageChannels);
        Assert.Contains("Skipped #5", Description(skipped[^1]), StringComparison.Ordinal);
        var modal = await bot.PressAsync(Educator, controls["Answer myself"], requests: 1, permissions: ManageChannels);
        Assert.Equal(9, (int)JsonNode.Parse(modal[0].Body)!["type"]!);
        var modalId = (string)JsonNode.Parse(modal[0].Body)!["data"]!["custom_id"]!;
        Assert.EndsWith(":4", modalId, StringComparison.Ordinal);
        await bot.SubmitOwnWordsAsync(Educator, modalId, "Not soon: the talks have stalled, though both sides say they want a treaty.\n# Not a heading");
        var own = bot.Discord.Messages.In(Channel).Single(m => m.ReplyTo == questions[3].Id);
        Assert.Contains("in their own words", (string?)own.Embeds[0]!["footer"]!["text"], StringComparison.Ordinal);
        Assert.Empty(own.ButtonLabels);

        // It ends; the transcript is posted as a Markdown file.
        var ended = await bot.SessionAsync(Educator, Sub("end"), ManageChannels, requests: 2);
        Assert.Contains("transcript is posted", Content(ended), StringComparison.Ordinal);
        var posted = bot.Discord.Messages.In(Channel).Single(m => m.Attachments.Count > 0);
        Assert.StartsWith("**Session #1 ended**", posted.Content, StringComparison.Ordinal);
        var file = Assert.Single(posted.Attachments);
        Assert.Equal("session-1-transcript.md", file.FileName);
        Assert.StartsWith("text/markdown", file.ContentType, StringComparison.Ordinal);
        var transcript = file.Text;

        Assert.StartsWith("# Live Q&A: The 2020 war and its ceasefire\n", transcript, StringComparison.Ordinal);
        Assert.Contains("- Educator: Ada\n", transcript, StringComparison.Ordinal);
        Assert.Contains("- Started: 2026-", transcript, StringComparison.Ordinal);
        Assert.Contains("- Participants: 3\n- Questions: 4\n- Answered: 3\n- Votes: 6\n", transcript, StringComparison.Ordinal);
        var headings = transcript.Split('\n').Where(l => l.StartsWith('#')).ToList();
        Assert.Equal(
        [
            "# Live Q&A: The 2020 war and its ceasefire",
            "## Answered",
            "### 1. When did the ceasefire take effect?",
            "### 2. Who monitors the Lachin corridor?",
            "### 3. Will the region see lasting peace soon?",
            "## Not answered",
            "### How should a classroom discuss disputed place names?",
            "## Sources",
        ], headings);
        var first = Section(transcript, "### 1.");
        Assert.Contains("*Asked anonymously · 3 votes*", first, StringComparison.Ordinal);
        Assert.Contains("**Answer** (cited from the fact store)", first, StringComparison.Ordinal);
        Assert.Contains("ceasefire", first, StringComparison.Ordinal);
        Assert.Contains("- [1] Azerbaijan launches offensive in Nagorno-Karabakh (2023-11-16)", first, StringComparison.Ordinal);
        var second = Section(transcript, "### 2.");
        Assert.Contains("*Asked by Bea · 2 votes*", second, StringComparison.Ordinal);
        Assert.Contains("Also asked: Who are the peacekeepers monitoring the Lachin corridor?", second, StringComparison.Ordinal);
        Assert.Contains("Russian peacekeepers", second, StringComparison.Ordinal);
        var third = Section(transcript, "### 3.");
        Assert.Contains("in the educator's own words, not cited", third, StringComparison.Ordinal);
        Assert.Contains("the talks have stalled", third, StringComparison.Ordinal);
        Assert.Contains("\n\\# Not a heading", third, StringComparison.Ordinal);
        Assert.Contains("*Asked by Bea · 1 vote · skipped*", Section(transcript, "### How should"), StringComparison.Ordinal);
        Assert.Contains("## Sources\n\n1. Azerbaijan launches offensive in Nagorno-Karabakh (2023-11-16)", transcript, StringComparison.Ordinal);

        // The anonymous asker is named nowhere in Discord, but the store keeps who asked.
        Assert.DoesNotContain("Cem", transcript, StringComparison.Ordinal);
        Assert.All(bot.Discord.Messages.All, m => Assert.DoesNotContain("Cem", m.Content + m.Embeds.ToJsonString(), StringComparison.Ordinal));
        var store = bot.BotServices.GetRequiredService<ISessionStore>();
        Assert.Equal(Cem, store.FindQuestion(2)!.AskerId);
        Assert.Equal(transcript.TrimEnd(), store.FindSession(1)!.Transcript?.TrimEnd());

        // Nothing the bot posted pings anyone.
        Assert.All(bot.Discord.Messages.In(Channel), m => Assert.Equal("[]", m.AllowedMentions?["parse"]?.ToJsonString()));
    }

    private static string Footer(BotOnFakeDiscord bot, int question) =>
        (string?)bot.Discord.Messages.In(Channel).Single(m => (string?)m.Embeds.FirstOrDefault()?["title"] == $"Question #{question}").Embeds[0]!["footer"]!["text"] ?? "";

    private static string Section(string transcript, string heading)
    {
        var start = transcript.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {heading} in:\n{transcript}");
        var end = transcript.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? transcript[start..] : transcript[start..end];
    }
}
