using System.Globalization;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Sessions;

/// <summary>
/// A queued question as the channel sees it: the question, its votes, the asker's name (or "anonymous") and an Upvote
/// button while it is open. Never pings anyone.
/// </summary>
public static class QuestionMessage
{
    public const string UpvoteButton = "session:vote:";

    private const int Blue = 0x457B9D;
    private const int Green = 0x2A9D8F;
    private const int Grey = 0x8D99AE;

    public static DiscordMessage Build(SessionQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var votes = question.Votes == 1 ? "1 vote" : string.Create(CultureInfo.InvariantCulture, $"{question.Votes} votes");
        var state = question.Status switch
        {
            QuestionStatus.Answered => " · ✅ answered",
            QuestionStatus.Skipped => " · skipped",
            QuestionStatus.Merged => string.Create(CultureInfo.InvariantCulture, $" · merged into question #{question.MergedInto}"),
            _ => "",
        };
        return new DiscordMessage
        {
            Content = "",
            Embeds =
            [
                new Embed
                {
                    Title = string.Create(CultureInfo.InvariantCulture, $"Question #{question.Id}"),
                    Description = DiscordLimits.Trim(question.Text, DiscordLimits.EmbedDescription),
                    Footer = DiscordLimits.Trim($"{AskedBy(question)} · ▲ {votes}{state}", DiscordLimits.Footer),
                    Color = question.Status switch { QuestionStatus.Open => Blue, QuestionStatus.Answered => Green, _ => Grey },
                },
            ],
            Components = question.Status == QuestionStatus.Open
                ? [new ActionRow([new Button { Label = "▲ Upvote", CustomId = string.Create(CultureInfo.InvariantCulture, $"{UpvoteButton}{question.Id}"), Style = ButtonStyle.Primary }])]
                : [new ActionRow([new Button { Label = "▲ Upvote", CustomId = string.Create(CultureInfo.InvariantCulture, $"{UpvoteButton}{question.Id}"), Style = ButtonStyle.Secondary, Disabled = true }])],
        };
    }

    /// <summary>"Asked by NAME", or "Asked anonymously": the name of an anonymous asker never reaches Discord.</summary>
    public static string AskedBy(SessionQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Anonymous ? "Asked anonymously" : $"Asked by {Names.Plain(question.AskerName)}";
    }
}
