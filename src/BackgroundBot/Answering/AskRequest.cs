namespace BackgroundBot.Answering;

/// <summary>A question, with the previous question of the conversation when it is a follow-up.</summary>
/// <param name="AskerId">Who asked (a Discord user id, or "cli"); kept only with unanswered questions, for moderators.</param>
/// <param name="RecordGap">Whether a question found not covered is logged for moderators (off for evaluation runs).</param>
public sealed record AskRequest(string Question, string? PreviousQuestion = null, string? AskerId = null, bool RecordGap = true);
