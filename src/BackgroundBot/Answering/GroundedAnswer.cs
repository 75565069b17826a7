namespace BackgroundBot.Answering;

/// <summary>
/// An answer whose every sentence ends with <c>[n]</c> markers into <see cref="Citations"/>,
/// or, when <see cref="Grounded"/> is false, a polite decline with no citations.
/// </summary>
public sealed record GroundedAnswer(
    string Question,
    string Text,
    bool Grounded,
    AnswerMode Mode,
    IReadOnlyList<Citation> Citations,
    DeclineReason? Declined = null,
    string? Note = null);
