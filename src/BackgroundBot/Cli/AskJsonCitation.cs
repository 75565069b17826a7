using System.Text.Json.Serialization;

namespace BackgroundBot.Cli;

/// <summary>
/// One source in the <c>ask --json</c> output; <see cref="Quote"/> is the cited passage's text. A curated fact is
/// cited with <see cref="ArticleId"/> null, its source's title, URL and date, and <see cref="FactId"/>.
/// </summary>
public sealed record AskJsonCitation(
    int N,
    int PassageId,
    int? ArticleId,
    string ArticleTitle,
    string? Url,
    string? Published,
    string Quote,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FactId);
