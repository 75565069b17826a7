using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Community;

namespace BackgroundBot.Tests.Community;

/// <summary>However long the material, the answer message stays inside Discord's limits and is cut cleanly.</summary>
public sealed class AnswerMessageTests
{
    [Fact]
    public void A_huge_answer_with_many_sources_stays_within_every_discord_limit()
    {
        var text = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"Sentence number {i} of a very long answer about the corridor. [{(i % 60) + 1}]"));
        var citations = Enumerable.Range(1, 60)
            .Select(n => new Citation(n, n, n, new string('T', 180) + $" {n}", $"https://example.org/{new string('p', 150)}/{n}", "2023-11-16", "quote"))
            .ToList();
        var answer = new GroundedAnswer(new string('Q', 480) + "?", text, true, AnswerMode.Generative, citations, Note: new string('n', 3000));

        var embed = AnswerMessage.Build(answer, 7).Embeds.Single();

        Assert.True(embed.Title!.Length <= DiscordLimits.EmbedTitle);
        Assert.True(embed.Description!.Length <= DiscordLimits.EmbedDescription);
        Assert.True(embed.Footer!.Length <= DiscordLimits.Footer);
        Assert.InRange(embed.Fields.Count, 1, DiscordLimits.Fields);
        Assert.All(embed.Fields, f => Assert.True(f.Value.Length <= DiscordLimits.FieldValue && f.Name.Length <= DiscordLimits.FieldName));
        var total = embed.Title.Length + embed.Description.Length + embed.Footer.Length + embed.Fields.Sum(f => f.Name.Length + f.Value.Length);
        Assert.True(total <= DiscordLimits.EmbedTotal, $"{total} characters");
        Assert.EndsWith("…", embed.Description, StringComparison.Ordinal);
        Assert.Matches(@"\]\s?…$|\.\s?…$", embed.Description);
    }

    [Fact]
    public void A_short_answer_is_left_whole_and_a_decline_gets_no_buttons()
    {
        var answer = new GroundedAnswer("Q?", "A short answer. [1]", true, AnswerMode.Extractive, [new Citation(1, 1, 1, "Title", null, null, "q")]);
        var decline = new GroundedAnswer("Q?", "The fact store does not cover that.", false, AnswerMode.Extractive, []);

        Assert.Equal("A short answer. [1]", AnswerMessage.Build(answer, 1).Embeds[0].Description);
        Assert.Equal("[1] Title", AnswerMessage.Build(answer, 1).Embeds[0].Fields[0].Value);
        Assert.Empty(AnswerMessage.Build(decline, 2).Components);
    }
}
