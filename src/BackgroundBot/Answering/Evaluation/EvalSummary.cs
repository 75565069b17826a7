namespace BackgroundBot.Answering.Evaluation;

/// <summary>Passed and total questions of one kind.</summary>
public sealed record EvalKindScore(string Kind, int Passed, int Total)
{
    public double Share => Total == 0 ? 1 : (double)Passed / Total;
}

/// <summary>The result of a run: each question's outcome and the score per kind and overall.</summary>
public sealed record EvalSummary(IReadOnlyList<EvalOutcome> Outcomes)
{
    public int Passed => Outcomes.Count(o => o.Passed);

    public int Total => Outcomes.Count;

    public double Share => Total == 0 ? 1 : (double)Passed / Total;

    public IReadOnlyList<EvalKindScore> ByKind =>
        Outcomes.GroupBy(o => o.Question.KindName)
            .OrderBy(g => g.Key switch { "answerable" => 0, EvalQuestion.Contested => 1, _ => 2 })
            .Select(g => new EvalKindScore(g.Key, g.Count(o => o.Passed), g.Count()))
            .ToList();
}
