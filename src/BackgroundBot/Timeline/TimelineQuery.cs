using BackgroundBot.Knowledge;

namespace BackgroundBot.Timeline;

/// <summary>
/// The dated facts of the store in order, optionally narrowed to a topic, a range of years, or a place (under any
/// of its names: asking for Shusha finds facts that say Shushi). Retracted facts never appear.
/// </summary>
public sealed class TimelineQuery(IKnowledgeStore store)
{
    public IReadOnlyList<TimelineEntry> Build(string? topic = null, int? fromYear = null, int? toYear = null, string? place = null)
    {
        var names = place is null ? null : NamesOf(place);
        return store.ListFacts()
            .Where(f => f.Date is not null)
            .Where(f => topic is null || string.Equals(f.Topic, topic, StringComparison.OrdinalIgnoreCase))
            .Where(f => fromYear is null || Year(f.DateEnd ?? f.Date!) >= fromYear)
            .Where(f => toYear is null || Year(f.Date!) <= toYear)
            .Where(f => names is null || Mentions(f, names))
            .OrderBy(f => f.Date, StringComparer.Ordinal)
            .ThenBy(f => f.Id)
            .Select(f => new TimelineEntry(f.Date!, f.DateEnd, f.Topic, f.Statement, f.Id, f.Source?.Title ?? $"Curated fact {f.Id}", f.Source?.Url))
            .ToList();
    }

    private IReadOnlyList<string> NamesOf(string place) =>
        store.ListAliases().FirstOrDefault(a => a.Names.Contains(place, StringComparer.OrdinalIgnoreCase))?.Names ?? [place];

    private static bool Mentions(Fact fact, IReadOnlyList<string> names) =>
        names.Any(n => fact.Places.Contains(n, StringComparer.OrdinalIgnoreCase) || fact.Statement.Contains(n, StringComparison.OrdinalIgnoreCase));

    private static int Year(string date) => int.Parse(date.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
}
