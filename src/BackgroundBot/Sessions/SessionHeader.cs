using System.Globalization;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Sessions;

/// <summary>The message that opens a session in its channel: topic, educator, how to ask, and the time left (or that it ended).</summary>
public static class SessionHeader
{
    private const int Teal = 0x2A9D8F;
    private const int Grey = 0x8D99AE;

    public static DiscordMessage Build(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ends = session.EndsAt.ToUnixTimeSeconds();
        var how = session.Approval
            ? "Ask with `/ask` or `/session ask` in this channel. Questions appear once the educator approves them; upvote the ones you want answered."
            : "Ask with `/ask` or `/session ask` in this channel, and upvote the questions you want answered.";
        var anonymous = session.Anonymous ? "\nAskers' names are hidden." : "";

        // Discord's timestamp markup shows each reader the time left in their own clock, counting down without edits.
        var time = session.Status == SessionStatus.Active
            ? string.Create(CultureInfo.InvariantCulture, $"\n\nEnds <t:{ends}:R> (at <t:{ends}:t>).")
            : string.Create(CultureInfo.InvariantCulture, $"\n\nEnded <t:{(session.EndedAt ?? session.EndsAt).ToUnixTimeSeconds()}:f>; the transcript is posted below.");
        return new DiscordMessage
        {
            Content = "",
            Embeds =
            [
                new Embed
                {
                    Title = DiscordLimits.Trim($"Live Q&A: {session.Topic}", DiscordLimits.EmbedTitle),
                    Description = $"Hosted by **{Names.Plain(session.EducatorName)}**.\n{how}{anonymous}{time}",
                    Footer = string.Create(CultureInfo.InvariantCulture, $"Session #{session.Id} · answers cite the curated fact store"),
                    Color = session.Status == SessionStatus.Active ? Teal : Grey,
                },
            ],
        };
    }
}
