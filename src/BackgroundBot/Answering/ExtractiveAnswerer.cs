using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Answering;

/// <summary>
/// The embedded default: answers with sentences taken word for word from retrieved passages, each followed by its
/// citation, so nothing is said that a source does not say. No model is involved.
/// </summary>
public sealed partial class ExtractiveAnswerer(
    QuestionGuard guard,
    Retriever retriever,
    EvidenceSelector selector,
    DisputeAccounts disputes,
    ConflictOverview overview,
    PlaceNames placeNames,
    DeclineMessages declines,
    Knowledge.FactStore store,
    Moderation.GapLog gaps,
    IOptions<AnsweringOptions> options,
    IOptions<RetrievalOptions> retrieval) : IAnswerer
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

    // What a broad question ("what's the deal with karabakh?") is read as, to find key facts of every period.
    private const string OverviewContext = "Key events in the history of the Nagorno-Karabakh conflict between Armenia and Azerbaijan: wars, ceasefires and agreements.";

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
        var screened = guard.Classify(question);

        // "Who is to blame for the Ganja strikes?" is answered with each side's attributed account when the store
        // holds a linked dispute on it, and never with a verdict; without one it is declined like any verdict.
        if (screened is { } reason && !(reason == DeclineReason.TakesSides && AccountsCanAnswer().IsMatch(question)))
        {
            return new AnswerPreparation(question, AskResult.Ok(Decline(question, reason)), [], []);
        }

        var query = retriever.Analyze(question, request.PreviousQuestion);
        var reading = QuestionReader.Read(question);
        var hits = reading.IsBroad
            ? await retriever.SearchAsync(query with { Context = OverviewContext }, cancellationToken, depth: 200)
            : await retriever.SearchAsync(query, cancellationToken);
        var evidence = reading.IsBroad ? await overview.ComposeAsync(cancellationToken) : [];
        if (evidence.Count == 0)
        {
            evidence = selector.Select(query, reading, hits, reading.IsBroad ? 6 : options.Value.MaxSentences, options.Value.MinCoverage);
        }

        if (evidence.Count == 0)
        {
            if (recordGap && request.RecordGap)
            {
                gaps.Record(question, request.AskerId);
            }

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

    /// <summary>The extractive answer from prepared evidence, with a note when it stands in for another mode.</summary>
    public GroundedAnswer Compose(AnswerPreparation preparation, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(preparation);
        var citations = new CitationList(store);
        var sentences = preparation.Evidence.Select(e => $"{Dated(e, preparation.AsksPresent)} [{citations.NumberOf(e.Passage)}]");
        var text = placeNames.AddAlternativeNames(string.Join(' ', sentences));
        return new GroundedAnswer(preparation.Question, text, Grounded: true, AnswerMode.Extractive, citations.Citations, Note: note);
    }

    /// <summary>
    /// A present-tense article sentence answering a question about now says when it was true ("As of November 2023,
    /// the corridor is …"), so the bot never reports as current what later facts may have ended.
    /// </summary>
    private string Dated(Evidence evidence, bool asksPresent)
    {
        if (!asksPresent || evidence.Fact is not null || !PresentTense().IsMatch(evidence.Sentence)
            || store.FindArticle(evidence.Passage.ArticleId)?.Published is not { } published)
        {
            return evidence.Sentence;
        }

        var sentence = evidence.Sentence;
        var first = sentence.Split(' ', 2)[0];

        // Only a common opening word loses its capital; a name keeps it ("As of November 2023, Russian peacekeepers …").
        if (CommonOpening().IsMatch(first))
        {
            sentence = char.ToLowerInvariant(sentence[0]) + sentence[1..];
        }

        return $"As of {published.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, {sentence}";
    }

    [GeneratedRegex(@"\b(is|are|remains?|continues?|has|have|holds?|controls?|monitors?|stays?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PresentTense();

    [GeneratedRegex(@"^(The|Currently|Now|Today|It|There|This|These|Both|Its|Their|They|Many|Most|Some|Despite|Since|Under|In)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommonOpening();

    public GroundedAnswer Decline(string question, DeclineReason reason) =>
        new(question, declines.For(reason, question), Grounded: false, AnswerMode.Extractive, [], reason);

    // Blame for a named event ("for the Ganja strikes"), never blame in general ("who is to blame, Armenia or Azerbaijan?").
    [GeneratedRegex(@"\bwho(?:'s| is| was| were)? (?:(?:really|actually) )?(?:to blame|responsible|at fault) (?:for|in) (?!(?:the |this |all |everything)?(?:conflict|war|wars|it|everything|all)\b)|\bwhose fault (?:was|is) (?:the )?(?!(?:conflict|war)\b)\w+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccountsCanAnswer();
}
