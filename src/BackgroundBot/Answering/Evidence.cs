using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>One sentence of a retrieved passage chosen to answer a question.</summary>
/// <param name="Passage">The passage the sentence is in; the answer cites it.</param>
/// <param name="Sentence">The sentence's text, exactly as it stands in the passage.</param>
/// <param name="Coverage">Share of the question's weight the sentence covers, 0 to 1.</param>
/// <param name="Score">Coverage plus a small share of the passage's retrieval rank, used to order candidates.</param>
public sealed record Evidence(Passage Passage, string Sentence, double Coverage, double Score);
