namespace BackgroundBot.Answering.Evaluation;

/// <summary>How one question fared: passed, or why not, with the answer given.</summary>
public sealed record EvalOutcome(EvalQuestion Question, bool Passed, string? Miss, GroundedAnswer Answer);
