namespace BackgroundBot.Answering.Evaluation;

/// <summary>One question of an evaluation file (the format of <c>docs/eval-format.md</c>).</summary>
/// <param name="Kind">Null for an answerable question, <c>contested</c> or <c>refuse</c>.</param>
/// <param name="Accounts">For contested questions: one keyword list per side; the answer must hold a keyword of each.</param>
public sealed record EvalQuestion(
    string Id,
    string Question,
    string? Kind,
    IReadOnlyList<string> AnswerKeywords,
    IReadOnlyList<IReadOnlyList<string>> Accounts)
{
    public const string Contested = "contested";
    public const string Refuse = "refuse";

    /// <summary>The kind as reported: <c>answerable</c>, <c>contested</c> or <c>refuse</c>.</summary>
    public string KindName => Kind ?? "answerable";
}
