namespace BackgroundBot.Benchmarks.Corpus;

/// <summary>
/// A kind of fact news reports again and again with different details, and the question a reader asks about one
/// of them. <see cref="Key"/> is the detail the question names; the generator writes each question's key into
/// exactly one passage, so the passage that answers it is known by construction.
/// </summary>
/// <param name="NamesTown">Whether the question names the town, so it can use the town's other name.</param>
internal sealed record FactTemplate(Func<Slots, string> Key, Func<Slots, string> Fact, Func<Slots, string> Question, bool NamesTown = false);
