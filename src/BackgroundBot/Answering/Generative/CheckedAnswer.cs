namespace BackgroundBot.Answering.Generative;

/// <summary>What survived the citation check.</summary>
/// <param name="Text">The kept sentences, each ending with its renumbered markers; empty when nothing survived.</param>
/// <param name="CitedPassages">The prompt numbers (1-based) of the passages cited, in the order of the new numbers.</param>
/// <param name="DroppedSentences">
/// How many sentences were dropped for citing nothing, a number not given, or passages that do not support them.
/// </param>
public sealed record CheckedAnswer(string Text, IReadOnlyList<int> CitedPassages, int DroppedSentences)
{
    public bool IsEmpty => CitedPassages.Count == 0;
}
