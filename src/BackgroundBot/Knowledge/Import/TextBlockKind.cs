namespace BackgroundBot.Knowledge.Import;

public enum TextBlockKind
{
    Paragraph,
    Heading,
}
