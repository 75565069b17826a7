using BackgroundBot.Knowledge;

namespace BackgroundBot.Retrieval;

public sealed record SearchHit(Passage Passage, double Score);
