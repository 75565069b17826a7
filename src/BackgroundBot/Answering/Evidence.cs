using BackgroundBot.Knowledge;

namespace BackgroundBot.Answering;

/// <summary>One sentence of a retrieved passage chosen to answer a question.</summary>
/// <param name="Passage">The passage the sentence is in; the answer cites it.</param>
/// <param name="Sentence">The sentence's text, exactly as it stands in the passage.</param>
/// <param name="Coverage">Share of the question's weight the sentence covers, 0 to 1.</param>
/// <param name="Score">How well it answers: relevance by words and meaning, adjusted for what the question asks.</param>
/// <param name="Fact">The curated fact, when the passage is a fact's statement (its date, parties and dispute).</param>
/// <param name="Relevance">Relevance by words and meaning alone, 0 to 1, before the question's kind is considered.</param>
public sealed record Evidence(Passage Passage, string Sentence, double Coverage, double Score, Fact? Fact = null, double Relevance = 0);
