using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Retrieval;

public sealed class RetrievalTests
{
    [Theory]
    [InlineData("negotiation over the corridor", "negotiations concentrated")]
    [InlineData("hospitals postponing operations", "hospitals postponed planned operations")]
    [InlineData("Who hosted the talk?", "hosted by the European Union")]
    public void Stemming_matches_other_forms_of_a_word(string question, string expected)
    {
        using var store = new TestStore(seed: false);
        store.Import("talks.txt", Articles.CorridorText);

        var top = store.Retriever.Search(store.Retriever.Analyze(question))[0];

        Assert.Contains(expected, top.Passage.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Were there shortages in Khankendi?", "Stepanakert")]
    [InlineData("What overlooks the road near Shusha?", "Shushi")]
    [InlineData("What overlooks the road near Şuşa?", "Shushi")]
    public void A_question_using_one_name_finds_passages_that_use_the_other(string question, string expected)
    {
        using var store = new TestStore();
        store.Import("talks.txt", Articles.CorridorText);

        var top = store.Retriever.Search(store.Retriever.Analyze(question))[0];

        Assert.Contains(expected, top.Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_written_as_words_or_digits_meet()
    {
        using var store = new TestStore();
        store.Import("troops.txt", """
            title: Peacekeepers arrive

            Russia deployed 1,960 peacekeepers along the line of contact and the corridor under the November statement. The force was to stay for five years, with automatic renewal unless a party objected six months before expiry.
            """);

        var byDigits = store.Retriever.Search(store.Retriever.Analyze("a force of 1960 troops for 5 years"))[0];
        var byWords = store.Retriever.Search(store.Retriever.Analyze("war lasted 6 weeks"))[0];

        Assert.Contains("1,960 peacekeepers", byDigits.Passage.Text, StringComparison.Ordinal);
        Assert.Contains("six weeks", byWords.Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Years_are_searchable_terms()
    {
        using var store = new TestStore();

        var top = store.Retriever.Search(store.Retriever.Analyze("1990s"))[0];

        Assert.Contains("since the 1990s", top.Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_added_later_is_used_at_once()
    {
        using var store = new TestStore(seed: false);
        store.Import("talks.txt", Articles.CorridorText);
        Assert.Empty(store.Retriever.Search(store.Retriever.Analyze("Bruxelles")));

        store.Store.Write(w => w.InsertAlias(new BackgroundBot.Knowledge.AliasGroup { Names = ["Brussels", "Bruxelles"] }));

        Assert.Contains("Brussels", store.Retriever.Search(store.Retriever.Analyze("Bruxelles"))[0].Passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_built_at_start_holds_every_live_passage()
    {
        using var store = new TestStore();
        store.Import("talks.txt", Articles.CorridorText);

        Assert.Equal(store.Store.ActivePassages().Count(), store.Retriever.Index.Count);
    }
}
