using BackgroundBot.Community;
using BackgroundBot.Faq;
using BackgroundBot.Knowledge;
using BackgroundBot.Moderation;
using BackgroundBot.Quizzes;

namespace BackgroundBot.Transfer;

/// <summary>
/// The whole curated store as <c>export</c> writes it (format documented in <c>docs/export-format.md</c>):
/// every record with its id, in id order, so two exports diff line by line. Embeddings (derived, recomputed by
/// <c>embeddings</c>) are not part of it. Version 2 added the gaps, the review queue, answers and their feedback;
/// version 3 each server's settings, the pending imports and educators' sessions with their questions; version 4
/// the quizzes with their answers and the FAQ's curations, so <c>migrate-store</c> moves everything. Older files
/// (without them) are still read. Nothing in it depends on the provider that wrote it.
/// </summary>
public sealed record StoreSnapshot
{
    public const string FormatName = "backgroundbot-export";
    public const int CurrentVersion = 4;

    /// <summary>The oldest format version this build still imports.</summary>
    public const int OldestVersion = 1;

    /// <summary>The shape of the records this build writes; a provider's own schema (tables, indexes) has its own version.</summary>
    public const int RecordSchema = 1;

    public string? Format { get; init; }
    public int Version { get; init; }
    /// <summary>The shape of the records (<see cref="RecordSchema"/> when written), whichever provider held them.</summary>
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
    public IReadOnlyList<GuildSettings>? ServerSettings { get; init; }
    public IReadOnlyList<PendingImport>? PendingImports { get; init; }
    public IReadOnlyList<Sessions.Session>? Sessions { get; init; }
    public IReadOnlyList<Sessions.SessionQuestion>? SessionQuestions { get; init; }
    public IReadOnlyList<QuizRun>? Quizzes { get; init; }
    public IReadOnlyList<QuizAnswer>? QuizAnswers { get; init; }
    public IReadOnlyList<FaqCuration>? FaqCurations { get; init; }
}
