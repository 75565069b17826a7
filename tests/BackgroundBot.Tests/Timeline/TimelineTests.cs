using BackgroundBot.Knowledge;
using BackgroundBot.Timeline;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Timeline;

public sealed class TimelineTests
{
    [Fact]
    public void Dated_facts_come_in_date_order_with_their_sources()
    {
        using var store = new TestStore(pack: true);

        var entries = new TimelineQuery(store.Store).Build();

        Assert.Equal(store.Store.CountActiveFacts(), entries.Count);
        Assert.Equal(entries.Select(e => e.Date).Order(StringComparer.Ordinal), entries.Select(e => e.Date));
        Assert.StartsWith("1750", entries[0].Date, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.SourceUrl)));
    }

    [Fact]
    public void A_place_is_found_under_either_name_and_a_topic_and_years_narrow_it()
    {
        using var store = new TestStore(pack: true);
        var timeline = new TimelineQuery(store.Store);

        var shusha = timeline.Build(place: "Shusha");
        var shushi = timeline.Build(place: "Shushi");
        var ceasefires1990s = timeline.Build(topic: "ceasefire", fromYear: 1990, toYear: 1999);

        Assert.NotEmpty(shusha);
        Assert.Equal(shusha.Select(e => e.FactId), shushi.Select(e => e.FactId));
        Assert.NotEmpty(ceasefires1990s);
        Assert.All(ceasefires1990s, e => Assert.StartsWith("199", e.Date, StringComparison.Ordinal));
        Assert.Contains(ceasefires1990s, e => e.Statement.Contains("1994", StringComparison.Ordinal));
    }

    [Fact]
    public void A_retracted_fact_leaves_the_timeline()
    {
        using var store = new TestStore(pack: true);
        var fact = store.Store.ListFacts().First();

        store.Store.Write(w =>
        {
            w.UpdateFact(fact with { Status = FactStatus.Retracted, RetractionReason = "wrong date" });
            return 0;
        });

        Assert.DoesNotContain(new TimelineQuery(store.Store).Build(), e => e.FactId == fact.Id);
    }
}
