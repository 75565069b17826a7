using BackgroundBot.Answering;

namespace BackgroundBot.Sessions;

/// <summary>One question as the transcript gives it: the asker only when not anonymous, the answer with its citations.</summary>
public sealed record TranscriptQuestion(
    int Id,
    string Text,
    string? AskedBy,
    int Votes,
    string Status,
    int? AnswerOrder,
    string? Answer,
    bool OwnWords,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> Merged);
