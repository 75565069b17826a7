namespace BackgroundBot.Bot;

/// <summary>
/// Discord's message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits),
/// and trimming that cuts text cleanly (at a sentence or word) instead of letting Discord reject the message.
/// </summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Fields = 25;
    public const int Footer = 2048;
    public const int EmbedTotal = 6000;
    public const int EmbedsPerMessage = 10;
    public const int ChoiceName = 100;

    /// <summary>The text if it fits, else cut at the last sentence end (or word) before the limit, with an ellipsis.</summary>
    public static string Trim(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= limit)
        {
            return text;
        }

        if (limit < 2)
        {
            return limit == 1 ? "…" : "";
        }

        var room = text.AsSpan(0, limit - 1);
        var sentence = Math.Max(room.LastIndexOf(". "), Math.Max(room.LastIndexOf("] "), room.LastIndexOf("\n")));
        var cut = sentence > limit / 2 ? sentence + 1 : room.LastIndexOf(' ');
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : limit - 1).TrimEnd(), "…");
    }
}
