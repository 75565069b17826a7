using System.Globalization;
using System.Text;
using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Faq;

/// <summary>The FAQ as members see it in Discord, and as Markdown for <c>faq --out</c>.</summary>
public static class FaqText
{
    private const int AnswerLength = 420;

    public static DiscordMessage Message(IReadOnlyList<FaqItem> items, string? topic, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        foreach (var (item, i) in items.Select((x, i) => (x, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"**{i + 1}. {item.Question}**{(item.Pinned ? " 📌" : "")} · asked {Times(item.Count)}\n");
            text.Append(DiscordLimits.Trim(item.Answer.Text, AnswerLength)).Append('\n');
            foreach (var citation in item.Answer.Citations)
            {
                var source = citation.Url is { } url ? $"[{citation.ArticleTitle.Replace("]", ")", StringComparison.Ordinal)}](<{url}>)" : citation.ArticleTitle;
                text.Append(CultureInfo.InvariantCulture, $"-# [{citation.N}] {source}\n");
            }

            text.Append('\n');
        }

        return new DiscordMessage
        {
            Embeds =
            [
                new Embed
                {
                    Title = topic is null ? "Frequently asked" : $"Frequently asked: {topic}",
                    Description = items.Count == 0 ? "No questions asked in this period have a cited answer yet." : DiscordLimits.Trim(text.ToString().TrimEnd(), DiscordLimits.EmbedDescription),
                    Footer = string.Create(CultureInfo.InvariantCulture, $"Questions members asked in the last {period.TotalDays:0} days, grouped by meaning; answers as the fact store gives them now."),
                },
            ],
        };
    }

    public static string Markdown(IReadOnlyList<FaqItem> items, string? topic, TimeSpan period, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Frequently asked questions{(topic is null ? "" : $": {topic}")}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The questions members asked most in the {period.TotalDays:0} days before {now:yyyy-MM-dd}, grouped by meaning, with the answers the fact store gives now.\n");
        foreach (var (item, i) in items.Select((x, i) => (x, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {i + 1}. {item.Question}\n\n");
            var others = item.Asked.Where(a => !string.Equals(a, item.Question, StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
            text.Append(CultureInfo.InvariantCulture, $"Asked {Times(item.Count)}{(item.Pinned ? ", pinned" : "")}{(others.Count == 0 ? "" : $"; also asked as: {string.Join("; ", others.Select(o => $"“{o}”"))}")}.\n\n");
            text.Append(item.Answer.Text).Append("\n\n");
            foreach (var citation in item.Answer.Citations)
            {
                text.Append("- ").Append(SourceLine.Format(citation)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Times(int count) => count == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{count} times");
}
