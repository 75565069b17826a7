using System.Text.Json.Serialization;
using BackgroundBot.Answering;

namespace BackgroundBot.Cli;

/// <summary>The <c>ask --json</c> contract: one object, field names fixed, other tools parse it.</summary>
public sealed record AskJson(
    string Question,
    string Answer,
    bool Grounded,
    string Mode,
    IReadOnlyList<AskJsonCitation> Citations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Declined,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note)
{
    public static AskJson From(GroundedAnswer answer) => new(
        answer.Question,
        answer.Text,
        answer.Grounded,
        answer.Mode == AnswerMode.Generative ? "generative" : "extractive",
        answer.Citations.Select(c => new AskJsonCitation(
            c.N,
            c.PassageId,
            c.ArticleId,
            c.ArticleTitle,
            c.Url,
            c.Published,
            c.Quote,
            c.FactId)).ToList(),
        answer.Declined switch
        {
            null => null,
            DeclineReason.NotCovered => "not-covered",
            DeclineReason.TakesSides => "takes-sides",
            DeclineReason.OffTopic => "off-topic",
            _ => "rule-override",
        },
        answer.Note);
}
