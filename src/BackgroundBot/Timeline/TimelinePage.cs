using System.Globalization;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Timeline;

/// <summary>One page of the timeline as a message: each entry with its date, statement and a link to its source, and Previous/Next.</summary>
public static class TimelinePage
{
    public const int Size = 8;

    /// <param name="names">Gives both names of a place (the both-names rule).</param>
    public static DiscordMessage Render(IReadOnlyList<TimelineEntry> entries, TimelineFilter filter, int page, Func<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(names);
        var pages = Math.Max(1, (entries.Count + Size - 1) / Size);
        page = Math.Clamp(page, 0, pages - 1);
        var lines = entries.Skip(page * Size).Take(Size).Select(e => Line(e, names)).ToList();
        var description = DiscordLimits.Trim(string.Join("\n\n", lines), DiscordLimits.EmbedDescription);
        var embed = new Embed
        {
            Title = DiscordLimits.Trim(filter.Describe(), DiscordLimits.EmbedTitle),
            Description = description,
            Footer = string.Create(CultureInfo.InvariantCulture, $"Page {page + 1} of {pages} · {entries.Count} dated facts"),
        };
        return new DiscordMessage
        {
            Embeds = [embed],
            Components = pages == 1 ? [] :
            [
                new ActionRow(
                [
                    new Button { Label = "Previous", CustomId = filter.CustomId(page - 1), Disabled = page == 0 },
                    new Button { Label = "Next", CustomId = filter.CustomId(page + 1), Disabled = page == pages - 1 },
                ]),
            ],
        };
    }

    // Each entry cites its source: a link when it has one, else its title.
    private static string Line(TimelineEntry entry, Func<string, string> names)
    {
        var when = entry.DateEnd is null ? entry.Date : $"{entry.Date} to {entry.DateEnd}";
        var source = entry.SourceUrl is { } url ? $"[{Escape(entry.SourceTitle)}](<{url}>)" : Escape(entry.SourceTitle);
        return $"**{when}** {DiscordLimits.Trim(names(entry.Statement), 380)}\n— source: {source}";
    }

    private static string Escape(string text) => text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
}
