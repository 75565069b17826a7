namespace BackgroundBot.Cli;

/// <summary>The <c>eval --json</c> contract: the score per kind and every question's outcome.</summary>
public sealed record EvalJson(int Passed, int Total, IReadOnlyList<EvalJsonKind> Kinds, IReadOnlyList<EvalJsonOutcome> Questions);

public sealed record EvalJsonKind(string Kind, int Passed, int Total);

public sealed record EvalJsonOutcome(string Id, string Kind, string Question, bool Passed, string? Miss, bool Grounded, string Answer);
