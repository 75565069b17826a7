namespace BackgroundBot.Quizzes;

/// <summary>
/// One quiz question built from one fact: the statement with the asked value blanked out, four options of one kind, and
/// the answer key, which always comes from the fact (a model may reword <see cref="Prompt"/>, never the key).
/// </summary>
/// <param name="Answer">The index of the right option in <see cref="Options"/>.</param>
/// <param name="Value">The fact's true value, as the fact holds it (the year, the place, the party, the number).</param>
public sealed record QuizQuestion(
    int FactId,
    QuizKind Kind,
    string Prompt,
    IReadOnlyList<string> Options,
    int Answer,
    string Value,
    string SourceTitle,
    string? SourceUrl)
{
    public string RightOption => Options[Answer];
}
