namespace BackgroundBot.Cli;

/// <summary>One source in the <c>ask --json</c> output; <see cref="Quote"/> is the cited passage's text.</summary>
public sealed record AskJsonCitation(
    int N,
    int PassageId,
    int ArticleId,
    string ArticleTitle,
    string? Url,
    string? Published,
    string Quote);
