namespace BackgroundBot.Benchmarks.Corpus;

/// <summary>The values one generated sentence is written with, drawn from <see cref="Vocabulary"/>.</summary>
internal sealed record Slots(
    string Town,
    string Village,
    string Venue,
    string AidGroup,
    string Mediator,
    string Source,
    string Plan,
    string Goods,
    string Official,
    string Topic,
    string Unit,
    string Capital,
    string Person,
    int Day,
    string Month,
    int Year,
    int Number)
{
    public string Date => $"{Day} {Month} {Year}";

    public static Slots Draw(Random random) => new(
        Pick(random, Vocabulary.Towns),
        Pick(random, Vocabulary.Villages),
        Pick(random, Vocabulary.Venues),
        Pick(random, Vocabulary.AidGroups),
        Pick(random, Vocabulary.Mediators),
        Pick(random, Vocabulary.Sources),
        Pick(random, Vocabulary.Plans),
        Pick(random, Vocabulary.Goods),
        Pick(random, Vocabulary.Officials),
        Pick(random, Vocabulary.Topics),
        Pick(random, Vocabulary.Units),
        Pick(random, Vocabulary.Capitals),
        Pick(random, Vocabulary.People),
        random.Next(1, 29),
        Pick(random, Vocabulary.Months),
        random.Next(1988, 2025),
        random.Next(2, 2500));

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
