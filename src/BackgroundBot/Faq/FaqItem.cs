using BackgroundBot.Answering;

namespace BackgroundBot.Faq;

/// <summary>One FAQ entry: a group of questions of one meaning, how often and when last asked, and its answer as the store gives it now.</summary>
/// <param name="Key">The group's question in normal form; curations attach to it.</param>
/// <param name="Asked">The wordings members used, most asked first.</param>
public sealed record FaqItem(string Key, string Question, int Count, DateTimeOffset LastAsked, bool Pinned, IReadOnlyList<string> Asked, GroundedAnswer Answer);
