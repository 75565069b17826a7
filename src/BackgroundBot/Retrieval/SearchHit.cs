using BackgroundBot.Knowledge;

namespace BackgroundBot.Retrieval;

/// <summary>A retrieved passage.</summary>
/// <param name="Score">The rank score (BM25, or the fused score of hybrid retrieval); higher is better.</param>
/// <param name="Similarity">Cosine similarity of the passage to the question by meaning; null without embeddings.</param>
public sealed record SearchHit(Passage Passage, double Score, float? Similarity = null);
