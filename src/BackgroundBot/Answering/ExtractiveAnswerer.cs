using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace BackgroundBot.Answering;

/// <summary>
/// The embedded default: answers with sentences taken word for word from retrieved passages, each followed by its
/// citation, so nothing is said that a source does not say. No model is involved.
/// </summary>
public sealed partial class ExtractiveAnswerer(
    AnswerPipeline pipeline,
    PlaceNames placeNames,
    Knowledge.IKnowledgeStore store) : IAnswerer
{
    public AnswerMode Mode => AnswerMode.Extractive;

    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        var preparation = await pipeline.PrepareAsync(request, cancellationToken);
        return preparation.Early ?? AskResult.Ok(Compose(preparation));
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return AnswerUpdate.Done(await AskAsync(request, cancellationToken));
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

    public GroundedAnswer Decline(string question, DeclineReason reason) => pipeline.Decline(question, reason);
}
