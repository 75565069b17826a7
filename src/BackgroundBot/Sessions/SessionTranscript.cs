using BackgroundBot.Answering;

namespace BackgroundBot.Sessions;

/// <summary>
/// A session as its transcript gives it: counts, the questions in the order answered then the unanswered ones, every source,
/// and what contributors added. Questions never shown (waiting for approval, rejected) are left out, and anonymous askers
/// stay anonymous.
/// </summary>
public sealed record SessionTranscript(
    int Id,
    string Topic,
    string Educator,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    bool EndedByTime,
    int Participants,
    int Questions,
    int Answered,
    int Votes,
    IReadOnlyList<TranscriptQuestion> Answers,
    IReadOnlyList<TranscriptQuestion> Unanswered,
    IReadOnlyList<Citation> Sources,
    IReadOnlyList<TranscriptSection> Sections);
