using BackgroundBot.Retrieval;

namespace BackgroundBot.Answering;

/// <summary>
/// What every answering mode starts from: either an early result (the question was invalid or declined), or the
/// question with its retrieved passages and the sentences that clear the relevance bar.
/// </summary>
/// <param name="AsksPresent">The question asks about now ("still", "currently"), so a present-tense sentence is dated.</param>
public sealed record AnswerPreparation(string Question, AskResult? Early, IReadOnlyList<SearchHit> Hits, IReadOnlyList<Evidence> Evidence, bool AsksPresent = false);
