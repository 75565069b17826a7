namespace BackgroundBot.Answering.Evaluation;

/// <summary>Asks every question of a set through the configured answerer, as a member would, and scores the answers.</summary>
public sealed class EvalRunner(IAnswerer answerer)
{
    public async Task<EvalSummary> RunAsync(IReadOnlyList<EvalQuestion> questions, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var outcomes = new List<EvalOutcome>(questions.Count);
        foreach (var question in questions)
        {
            // Evaluation questions are not members' questions: a decline must not reach the moderators' gap list.
            var result = await answerer.AskAsync(new AskRequest(question.Question, AskerId: "eval", RecordGap: false), cancellationToken);
            var answer = result.Answer ?? new GroundedAnswer(question.Question, result.Error ?? "", Grounded: false, AnswerMode.Extractive, []);
            outcomes.Add(EvalScorer.Score(question, answer));
            progress?.Report(outcomes.Count);
        }

        return new EvalSummary(outcomes);
    }
}
