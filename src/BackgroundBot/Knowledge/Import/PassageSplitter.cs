using BackgroundBot.Text;

namespace BackgroundBot.Knowledge.Import;

/// <summary>
/// Lays an article's blocks out as one text and cuts it into passages of whole sentences,
/// roughly <see cref="MinWords"/> to <see cref="MaxWords"/> words, preferring paragraph ends as cut points.
/// Headings start a new passage but are not passages themselves, so a trailing heading leaves nothing behind.
/// </summary>
public static class PassageSplitter
{
    public const int MinWords = 40;
    public const int MaxWords = 120;

    public static (string Text, IReadOnlyList<Range> Passages) Split(IReadOnlyList<TextBlock> blocks)
    {
        var text = string.Join("\n\n", blocks.Select(b => b.Text));
        var passages = new List<Range>();
        var chunkStart = -1;
        var chunkEnd = 0;
        var chunkWords = 0;
        var sectionFirst = 0;
        var offset = 0;

        void Flush()
        {
            if (chunkStart < 0)
            {
                return;
            }

            // A short tail joins the passage before it when both fit, rather than standing alone.
            if (chunkWords < MinWords && passages.Count > sectionFirst)
            {
                var previous = passages[^1];
                var previousWords = SentenceSplitter.CountWords(text.AsSpan()[previous]);
                if (previousWords + chunkWords <= MaxWords)
                {
                    passages[^1] = new Range(previous.Start, chunkEnd);
                    chunkStart = -1;
                    chunkWords = 0;
                    return;
                }
            }

            passages.Add(new Range(chunkStart, chunkEnd));
            chunkStart = -1;
            chunkWords = 0;
        }

        foreach (var block in blocks)
        {
            if (block.Kind == TextBlockKind.Heading)
            {
                Flush();
                sectionFirst = passages.Count;
            }
            else
            {
                foreach (var sentence in SentenceSplitter.Split(block.Text))
                {
                    var words = SentenceSplitter.CountWords(block.Text.AsSpan()[sentence]);
                    if (chunkStart >= 0 && chunkWords >= MinWords && chunkWords + words > MaxWords)
                    {
                        Flush();
                    }

                    if (chunkStart < 0)
                    {
                        chunkStart = offset + sentence.Start.Value;
                    }

                    chunkEnd = offset + sentence.End.Value;
                    chunkWords += words;
                }

                if (chunkWords >= MinWords)
                {
                    Flush();
                }
            }

            offset += block.Text.Length + 2;
        }

        Flush();
        return (text, passages);
    }
}
