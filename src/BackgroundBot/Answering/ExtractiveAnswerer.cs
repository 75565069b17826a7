using System.Runtime.CompilerServices;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Answering;

/// <summary>
/// The embedded default: answers with sentences taken word for word from retrieved passages, each followed by its
/// citation, so nothing is said that a source does not say. No model is involved.
/// </summary>
public sealed class ExtractiveAnswerer(
    QuestionGuard guard,
    Retriever retriever,
    EvidenceSelector selector,
    PlaceNames placeNames,
    DeclineMessages declines,
    Knowledge.FactStore store,
    Moderation.GapLog gaps,
    IOptions<AnsweringOptions> options) : IAnswerer
{
    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var preparation = await PrepareAsync(request, cancellationToken);
        return preparation.Early ?? AskResult.Ok(Compose(preparation));
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return AnswerUpdate.Done(await AskAsync(request, cancellationToken));
    }

    /// <summary>Validates, screens and retrieves; shared with the generative mode so both decline alike.</summary>
    /// <param name="recordGap">Whether a question found not covered is logged for moderators (off for re-checks).</param>
    public async Task<AnswerPreparation> PrepareAsync(AskRequest request, CancellationToken cancellationToken, bool recordGap = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (guard.Validate(request.Question) is { } invalid)
        {
            return new AnswerPreparation(request.Question ?? "", AskResult.Invalid(invalid), [], []);
        }

        var question = request.Question.Trim();
        if (guard.Classify(question) is { } reason)
        {
            return new AnswerPreparation(question, AskResult.Ok(Decline(question, reason)), [], []);
        }

        var query = retriever.Analyze(question, request.PreviousQuestion);
        var hits = await retriever.SearchAsync(query, cancellationToken);
        var evidence = selector.Select(query, hits, options.Value.MaxSentences, options.Value.MinCoverage);
        if (evidence.Count == 0)
        {
            if (recordGap && request.RecordGap)
            {
                gaps.Record(question, request.AskerId);
            }

            return new AnswerPreparation(question, AskResult.Ok(Decline(question, DeclineReason.NotCovered)), hits, []);
        }

        return new AnswerPreparation(question, null, hits, evidence);
    }

    /// <summary>The extractive answer from prepared evidence, with a note when it stands in for another mode.</summary>
    public GroundedAnswer Compose(AnswerPreparation preparation, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(preparation);
        var citations = new CitationList(store);
        var sentences = preparation.Evidence.Select(e => $"{e.Sentence} [{citations.NumberOf(e.Passage)}]");
        var text = placeNames.AddAlternativeNames(string.Join(' ', sentences));
        return new GroundedAnswer(preparation.Question, text, Grounded: true, AnswerMode.Extractive, citations.Citations, Note: note);
    }

    public GroundedAnswer Decline(string question, DeclineReason reason) =>
        new(question, declines.For(reason), Grounded: false, AnswerMode.Extractive, [], reason);
}
