using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Community;

/// <summary>"Show sources": each cited passage quoted, with its article (or fact source), date and link; only for the asker.</summary>
public static class SourcesMessage
{
    public static DiscordMessage Build(IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        if (citations.Count == 0)
        {
            return DiscordMessage.Text("This answer cites no sources.", ephemeral: true);
        }

        var shown = citations.Take(DiscordLimits.EmbedsPerMessage).ToList();

        // The quotes share Discord's 6000-character budget for all embeds of one message.
        var perQuote = Math.Min(DiscordLimits.EmbedDescription, (DiscordLimits.EmbedTotal - (shown.Count * 400)) / shown.Count);
        var embeds = shown.Select(c => new Embed
        {
            Title = DiscordLimits.Trim($"[{c.N}] {c.ArticleTitle}", DiscordLimits.EmbedTitle),
            Url = Uri.TryCreate(c.Url, UriKind.Absolute, out var url) ? url : null,
            Description = DiscordLimits.Trim("> " + c.Quote.Replace("\n\n", "\n> ", StringComparison.Ordinal), perQuote),
            Footer = DiscordLimits.Trim(
                (c.FactId is { } fact ? $"Curated fact {fact}" : $"Passage {c.PassageId}") + (c.Published is null ? "" : $" · published {c.Published}"),
                120),
        }).ToList();
        return new DiscordMessage { Embeds = embeds, Ephemeral = true };
    }
}
