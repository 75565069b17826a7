using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;

namespace BackgroundBot.LiteDb.Export;

/// <summary>
/// The whole curated store as <c>export</c> writes it (format documented in <c>docs/export-format.md</c>):
/// every record with its id, in id order, so two exports diff line by line. Embeddings (derived, recomputed by
/// <c>embeddings</c>) are not part of it. Version 2 added the gaps, the review queue, answers and their feedback;
/// version 3 educators' sessions and their questions; older files (without them) are still read.
/// </summary>
public sealed record StoreSnapshot
{
    public const string FormatName = "backgroundbot-export";
    public const int CurrentVersion = 3;

    /// <summary>The oldest format version this build still imports.</summary>
    public const int OldestVersion = 1;

    public string? Format { get; init; }
    public int Version { get; init; }
    public int SchemaVersion { get; init; }
    public IReadOnlyList<Article>? Articles { get; init; }
    public IReadOnlyList<Passage>? Passages { get; init; }
    public IReadOnlyList<Fact>? Facts { get; init; }
    public IReadOnlyList<AliasGroup>? Aliases { get; init; }
    public IReadOnlyList<AuditEntry>? Audit { get; init; }
    public IReadOnlyList<Gap>? Gaps { get; init; }
    public IReadOnlyList<Moderation.Suggestion>? ReviewQueue { get; init; }
    public IReadOnlyList<Community.AnswerRecord>? Answers { get; init; }
    public IReadOnlyList<Community.AnswerFeedback>? Feedback { get; init; }
    public IReadOnlyList<Sessions.Session>? Sessions { get; init; }
    public IReadOnlyList<Sessions.SessionQuestion>? SessionQuestions { get; init; }
}
