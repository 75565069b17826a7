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
    IOptions<AnsweringOptions> options) : IAnswerer
{
    public Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Ask(request));
    }

    public AskResult Ask(AskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (guard.Validate(request.Question) is { } invalid)
        {
            return AskResult.Invalid(invalid);
        }

        var question = request.Question.Trim();
        if (guard.Classify(question) is { } reason)
        {
            return AskResult.Ok(Decline(question, reason));
        }

        var query = retriever.Analyze(question, request.PreviousQuestion);
        var evidence = selector.Select(query, retriever.Search(query), options.Value.MaxSentences, options.Value.MinCoverage);
        if (evidence.Count == 0)
        {
            return AskResult.Ok(Decline(question, DeclineReason.NotCovered));
        }

        var citations = new CitationList(store);
        var sentences = evidence.Select(e => $"{e.Sentence} [{citations.NumberOf(e.Passage)}]");
        var text = placeNames.AddAlternativeNames(string.Join(' ', sentences));
        return AskResult.Ok(new GroundedAnswer(question, text, Grounded: true, AnswerMode.Extractive, citations.Citations));
    }

    private GroundedAnswer Decline(string question, DeclineReason reason) =>
        new(question, declines.For(reason), Grounded: false, AnswerMode.Extractive, [], reason);
}
