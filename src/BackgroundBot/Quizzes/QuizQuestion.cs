namespace BackgroundBot.Quizzes;

/// <summary>
/// One quiz question built from one fact: the statement with the asked value blanked out, four options of one kind, and
/// the answer key, which always comes from the fact (a model may reword <see cref="Prompt"/>, never the key).
/// </summary>
public sealed record QuizQuestion
{
    public required int FactId { get; init; }
    public required QuizKind Kind { get; init; }
    public required string Prompt { get; init; }
    public required IReadOnlyList<string> Options { get; init; }

    /// <summary>The index of the right option in <see cref="Options"/>.</summary>
    public required int Answer { get; init; }

    /// <summary>The fact's true value, as the fact holds it (the year, the place, the party, the number).</summary>
    public required string Value { get; init; }

    public required string SourceTitle { get; init; }
    public string? SourceUrl { get; init; }

    public string RightOption => Options[Answer];
}
