namespace BackgroundBot.Knowledge.Import;

/// <summary>A paragraph or heading of an article, in reading order.</summary>
public sealed record TextBlock(TextBlockKind Kind, string Text);
