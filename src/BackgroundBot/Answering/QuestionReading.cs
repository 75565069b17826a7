namespace BackgroundBot.Answering;

/// <summary>What a question asks, beyond its words: its parts and their kinds, its time, its actors, its scope.</summary>
/// <param name="Parts">The parts of a multi-part question, in order; one for a simple question.</param>
/// <param name="Scope">The years it is about, from years, decades and named periods ("the first war"); null when open.</param>
/// <param name="Actor">Who acted, when the question says ("When did Azerbaijani forces take Shushi?": <c>Azerbaijani</c>).</param>
/// <param name="AsksPresent">"now", "still", "currently": the newest facts answer it.</param>
/// <param name="IsBroad">"explain the conflict": a short chronological overview answers it.</param>
/// <param name="IsContested">"who started", "what does each side say": each side's account answers it.</param>
/// <param name="CountedNoun">The stem of what "how many" counts ("peopl"), so "218 people" beats "400,000 litres".</param>
public sealed record QuestionReading(
    IReadOnlyList<QuestionPart> Parts,
    YearRange? Scope,
    string? Actor,
    bool AsksPresent,
    bool IsBroad,
    bool IsContested,
    string? CountedNoun = null)
{
    public AnswerNeed Needs => Parts.Aggregate(AnswerNeed.None, (all, part) => all | part.Need);
}
