using System.Text.RegularExpressions;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Answering;

/// <summary>
/// Guard, retrieve, select evidence: what every answering mode starts from, so the extractive and generative modes
/// decline alike and cite from the same passages. It records nothing; whoever asks decides what a decline means
/// (the bot logs a gap for moderators, a gap's re-check does not).
/// </summary>
public sealed partial class AnswerPipeline(
    QuestionGuard guard,
    Retriever retriever,
    EvidenceSelector selector,
    DisputeAccounts disputes,
    ConflictOverview overview,
    DeclineMessages declines,
    IOptions<AnsweringOptions> options,
    IOptions<RetrievalOptions> retrieval)
{
    /// <summary>Validates, screens and retrieves; records nothing, so a re-check (a gap's status) is free of side effects.</summary>
    public async Task<AnswerPreparation> PrepareAsync(AskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (guard.Validate(request.Question) is { } invalid)
        {
            return new AnswerPreparation(request.Question ?? "", AskResult.Invalid(invalid), [], []);
        }

        var question = request.Question.Trim();
        var screened = guard.Classify(question);

        // "Who is to blame for the Ganja strikes?" is answered with each side's attributed account when the store
        // holds a linked dispute on it, and never with a verdict; without one it is declined like any verdict.
        if (screened is { } reason && !(reason == DeclineReason.TakesSides && AccountsCanAnswer().IsMatch(question)))
        {
            return new AnswerPreparation(question, AskResult.Ok(Decline(question, reason)), [], []);
        }

        var query = retriever.Analyze(question, request.PreviousQuestion);
        var reading = QuestionReader.Read(question);
        var hits = await retriever.SearchAsync(query, cancellationToken);

        // "Explain the conflict" gets one key fact per period; without meaning (or too few periods) it is read as any question.
        var evidence = reading.IsBroad ? await overview.ComposeAsync(cancellationToken) : [];
        if (evidence.Count == 0)
        {
            evidence = selector.Select(query, reading, hits, options.Value.MaxSentences, options.Value.MinCoverage);
        }

        if (evidence.Count == 0)
        {
            return new AnswerPreparation(question, AskResult.Ok(Decline(question, DeclineReason.NotCovered)), hits, []);
        }

        // A question about the sides' accounts is answered with the accounts of one disputed event, the best match:
        // accounts of other disputes that share its words ("the 2020 war") would bury it.
        if ((reading.IsContested || screened is not null) && evidence[0].Fact?.Dispute is { } dispute)
        {
            evidence = [.. evidence.Where(e => e.Fact?.Dispute == dispute)];
        }

        evidence = disputes.Complete(evidence, reading.IsContested || screened is not null);
        if (screened is { } verdict && DisputeAccounts.SidesGiven(evidence) < 2)
        {
            return new AnswerPreparation(question, AskResult.Ok(Decline(question, verdict)), hits, []);
        }

        // The passages a model is given: the evidence's first, then the best of the rest, as many as configured.
        var passages = evidence.Select(e => e.Passage).Concat(hits.Select(h => h.Passage)).DistinctBy(p => p.Id).Take(Math.Max(evidence.Count, retrieval.Value.TopPassages));
        var given = passages.Select(p => hits.FirstOrDefault(h => h.Passage.Id == p.Id) ?? new SearchHit(p, 0)).ToList();
        return new AnswerPreparation(question, null, given, evidence, reading.AsksPresent);
    }

    public GroundedAnswer Decline(string question, DeclineReason reason) =>
        new(question, declines.For(reason, question), Grounded: false, AnswerMode.Extractive, [], reason);

    // Blame for a named event ("for the Ganja strikes"), never blame in general ("who is to blame, Armenia or Azerbaijan?").
    [GeneratedRegex(@"\bwho(?:'s| is| was| were)? (?:(?:really|actually) )?(?:to blame|responsible|at fault) (?:for|in) (?!(?:the |this |all |everything)?(?:conflict|war|wars|it|everything|all)\b)|\bwhose fault (?:was|is) (?:the )?(?!(?:conflict|war)\b)\w+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountsCanAnswer();
}
