namespace BackgroundBot.Retrieval;

/// <summary>One document holding a term, and how often it holds it.</summary>
internal readonly record struct Posting(int Doc, int Frequency);
