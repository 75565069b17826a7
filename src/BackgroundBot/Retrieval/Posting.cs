namespace BackgroundBot.Retrieval;

/// <summary>
/// One document holding a term, how often it holds it, and the document's length in terms. The length rides along
/// (rather than being looked up by document) so that scoring a posting list reads memory in order.
/// </summary>
internal readonly record struct Posting(int Doc, int Frequency, int Length);
