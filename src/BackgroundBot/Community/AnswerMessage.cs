using System.Globalization;
using System.Text;
using BackgroundBot.Answering;
using BackgroundBot.Bot;
using BackgroundBot.Discord.Models;

namespace BackgroundBot.Community;

/// <summary>
/// An answer as Discord shows it: an embed with the text and its [n] markers, a sources block linking each source,
/// a footer saying how it was made, and the buttons under it. Always within Discord's limits; never pings anyone.
/// </summary>
public static class AnswerMessage
{
    public const string SourcesButton = "answer:sources:";
    public const string HelpfulButton = "answer:helpful:";
    public const string UnhelpfulButton = "answer:unhelpful:";
    public const string ReportButton = "answer:report:";

    private const int Teal = 0x2A9D8F;
    private const int Grey = 0x8D99AE;

    public static DiscordMessage Build(GroundedAnswer answer, int answerId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        // The sources share Discord's 6000-character budget with the answer, which always keeps most of it.
        var fields = answer.Citations.Count == 0 ? [] : SourceFields(answer.Citations, budget: 2000);
        var footer = answer switch
        {
            { Grounded: false } => "From the curated fact store · nothing in it answers this",
            { Mode: AnswerMode.Generative } => "Generative answer, checked against its sources · curated fact store",
            _ => "Extractive answer: sentences quoted from the sources · curated fact store",
        };
        if (answer.Note is { } note)
        {
            footer = $"{note} · {footer}";
        }

        var title = DiscordLimits.Trim(answer.Question, DiscordLimits.EmbedTitle);
        footer = DiscordLimits.Trim(footer, DiscordLimits.Footer);

        // The description gets what the total allows once title, fields and footer are counted.
        var room = DiscordLimits.EmbedTotal - title.Length - footer.Length - fields.Sum(f => f.Name.Length + f.Value.Length);
        var description = DiscordLimits.Trim(answer.Text, Math.Min(DiscordLimits.EmbedDescription, room));
        return new DiscordMessage
        {
            // The answer is an edit of the placeholder, and Discord keeps every field an edit leaves out: an empty content
            // removes "Looking that up…" (or the last draft) above the embed.
            Content = "",
            Embeds = [new Embed { Title = title, Description = description, Fields = fields, Footer = footer, Color = answer.Grounded ? Teal : Grey }],
            Components = answer.Grounded ? [Buttons(answerId)] : [],
        };
    }

    /// <summary>The progress state while an answer streams in: the draft so far, as plain content.</summary>
    public static DiscordMessage Draft(string draft) =>
        new() { Content = DiscordLimits.Trim($"{draft.TrimEnd()} ▌", DiscordLimits.Content) };

    public static DiscordMessage LookingUp { get; } = new() { Content = "🔎 Looking that up in the fact store…" };

    /// <summary>What replaces the placeholder when the answer failed; the member is told why privately, with a reference.</summary>
    public static DiscordMessage Failed { get; } = new() { Content = "⚠️ This answer could not be finished. Please try /ask again." };

    /// <summary>Replaces the placeholder when the bot stops (an upgrade, a restart) before the answer is done.</summary>
    public static DiscordMessage Restarting { get; } = new() { Content = "⚠️ The bot is restarting, so this answer could not be finished. Please ask again in a minute." };

    private static ActionRow Buttons(int answerId) => new(
    [
        new Button { Label = "Show sources", CustomId = $"{SourcesButton}{answerId}", Style = ButtonStyle.Primary },
        new Button { Label = "Helpful", CustomId = $"{HelpfulButton}{answerId}", Style = ButtonStyle.Success },
        new Button { Label = "Not helpful", CustomId = $"{UnhelpfulButton}{answerId}", Style = ButtonStyle.Secondary },
        new Button { Label = "Report a problem", CustomId = $"{ReportButton}{answerId}", Style = ButtonStyle.Danger },
    ]);

    /// <summary>
    /// "[n] Title (date)" lines, linked, split over fields of at most 1024 characters, within <paramref name="budget"/>
    /// characters in all; sources that do not fit are counted in a last line (Show sources lists them all).
    /// </summary>
    private static List<EmbedField> SourceFields(IReadOnlyList<Citation> citations, int budget)
    {
        var fields = new List<EmbedField>();
        var current = new StringBuilder();
        var used = 0;
        var shown = 0;
        foreach (var line in citations.Select(Line))
        {
            const int reserve = 40;
            if (used + line.Length + 1 + reserve > budget || fields.Count == DiscordLimits.Fields - 1)
            {
                break;
            }

            if (current.Length > 0 && current.Length + line.Length + 1 > DiscordLimits.FieldValue)
            {
                fields.Add(new EmbedField(FieldName(fields.Count), current.ToString()));
                current.Clear();
            }

            current.Append(current.Length > 0 ? "\n" : "").Append(line);
            used += line.Length + 1;
            shown++;
        }

        if (shown < citations.Count)
        {
            current.Append(current.Length > 0 ? "\n" : "").Append(string.Create(CultureInfo.InvariantCulture, $"… and {citations.Count - shown} more (Show sources)"));
        }

        if (current.Length > 0)
        {
            fields.Add(new EmbedField(FieldName(fields.Count), current.ToString()));
        }

        return fields;
    }

    private static string FieldName(int index) => index == 0 ? "Sources" : "Sources (continued)";

    private static string Line(Citation citation)
    {
        var title = DiscordLimits.Trim(citation.ArticleTitle.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal), 200);
        var linked = citation.Url is { Length: > 0 } url && Uri.IsWellFormedUriString(url, UriKind.Absolute) ? $"[{title}]({url})" : title;
        var date = citation.Published is null ? "" : $" ({citation.Published})";
        return DiscordLimits.Trim($"[{citation.N}] {linked}{date}", DiscordLimits.FieldValue);
    }
}
