namespace BackgroundBot.Sessions;

/// <summary>An extra section of a session's transcript (a quiz's results, say): a heading and its Markdown.</summary>
public sealed record TranscriptSection(string Heading, string Markdown);
