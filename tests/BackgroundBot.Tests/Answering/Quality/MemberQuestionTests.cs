using BackgroundBot.Answering;
using System.Text.RegularExpressions;

namespace BackgroundBot.Tests.Answering.Quality;

/// <summary>
/// Questions written the way members ask them in chat, answered from the product's store on the embedded default
/// (extractive, local embedding model): each checks what a member would notice in the answer.
/// </summary>
public sealed partial class MemberQuestionTests(PackStoreFixture fixture) : IClassFixture<PackStoreFixture>
{
    private GroundedAnswer Ask(string question) => fixture.Store.Ask(question);

    [Fact]
    public void A_fact_asked_for_in_other_words_is_found_by_meaning()
    {
        var answer = Ask("is the minsk group still a thing?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("close the Minsk Process", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who won the 2018 FIFA World Cup?")]
    [InlineData("Can you recommend a good hotel in Tbilisi?")]
    [InlineData("What is the capital of Australia?")]
    [InlineData("How old is Ilham Aliyev's dog?")]
    [InlineData("What is Pashinyan's favourite food?")]
    public void Questions_the_store_does_not_cover_are_declined_not_answered_off_target(string question)
    {
        var answer = Ask(question);

        Assert.False(answer.Grounded, answer.Text);
        Assert.Contains(answer.Declined, new DeclineReason?[] { DeclineReason.NotCovered, DeclineReason.OffTopic });
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void The_first_war_means_the_1990s_not_2020()
    {
        var answer = Ask("when did shushi fall in the first war?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("1992", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("November 2020", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_took_a_town_decides_which_capture_answers()
    {
        var answer = Ask("When did Azerbaijani forces take Shushi?");

        Assert.Contains("8 November 2020", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("May 1992", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void How_many_people_is_answered_with_a_number_of_people()
    {
        var answer = Ask("how many people died in the fuel depot blast outside stepanakert in september 2023?");

        Assert.Contains("218", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_part_of_a_two_part_question_is_answered()
    {
        var answer = Ask("what was the Bishkek Protocol and who signed it?");

        Assert.Contains("Bishkek Protocol", answer.Text, StringComparison.Ordinal);
        Assert.Contains("signed by the parliamentary speakers", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Who_started_the_2020_war_gets_both_sides_accounts_and_no_verdict()
    {
        var answer = Ask("who started the 2020 war?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("Azerbaijan's account", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Armenia's account", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Citations.Count >= 2, answer.Text);

        // The accounts of this event only: accounts of other disputed events of the same war would bury them.
        Assert.DoesNotContain("Ganja", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cluster munitions", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_blockade_started_is_answered_with_its_first_day()
    {
        var answer = Ask("when did the blockade start?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("12 December 2022", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("27 September 2020", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Arriving_peacekeepers_are_the_2020_deployment_not_troops_that_arrived_in_1918()
    {
        var answer = Ask("when did the russian peacekeepers arrive?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("Russian peacekeeping contingent", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1918", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_facts_curated_date_decides_its_time_not_the_year_its_source_wrote()
    {
        // "A 2023 overview … sums up the first war" is about 1988-1994, not about 2023.
        var answer = Ask("how many armenians left karabakh in 2023?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("100,000", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("first Karabakh war", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ceasefire_that_ended_the_2020_war_is_the_november_deal()
    {
        var answer = Ask("Who brokered the ceasefire that ended the 2020 war?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("The 2020 war ended with a deal announced overnight on 9-10 November 2020 by Russia's President Vladimir Putin", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Blame_for_a_named_event_is_answered_with_the_attributed_accounts_and_blame_in_general_is_declined()
    {
        var ganja = Ask("who is to blame for the missile strikes on Ganja in October 2020?");
        var general = Ask("Who is to blame, Armenia or Azerbaijan?");

        Assert.True(ganja.Grounded, ganja.Text);
        Assert.Contains("Azerbaijan blamed Armenia", ganja.Text, StringComparison.Ordinal);
        Assert.Contains("denied", ganja.Text, StringComparison.Ordinal);
        Assert.False(general.Grounded, general.Text);
        Assert.Equal(DeclineReason.TakesSides, general.Declined);
    }

    [Fact]
    public void Citing_one_sides_account_brings_the_other_sides_account_of_the_same_event()
    {
        var answer = Ask("What did Armenia's foreign ministry say about the road closure of December 2022?");

        Assert.Contains("Armenia's foreign ministry said the December 2022 road closure", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Azerbaijani officials said", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Now_questions_are_answered_by_the_newest_facts()
    {
        var answer = Ask("are the russian peacekeepers still in karabakh?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Matches(YearAtLeast2024(), answer.Text);
    }

    [Fact]
    public void A_broad_question_gets_a_short_chronological_overview_from_different_periods()
    {
        var answer = Ask("explain the conflict");

        Assert.True(answer.Grounded, answer.Text);
        Assert.True(answer.Citations.Count >= 3, answer.Text);
        var years = FirstYearOfEachSentence().Matches(answer.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(years.Order(), years);
        Assert.True(years.Max() - years.Min() >= 20, answer.Text);

        // Key events, a few lines: the Soviet oblast, the wars and their ends, 2023; no one side's account.
        Assert.InRange(answer.Citations.Count, 3, 6);
        Assert.Contains("Autonomous Oblast", answer.Text, StringComparison.Ordinal);
        Assert.Contains("2020 war ended", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("'s account", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when did the ceasfire of 20 september 2023 take effect?", "13:00")]
    [InlineData("who mediated the humanitarian truse agreed in moscow on 10 october 2020?", "Lavrov")]
    public void Misspelt_words_find_their_passages(string question, string expected)
    {
        var answer = Ask(question);

        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Степанакерт")]
    [InlineData("Ստեփանակերտ")]
    [InlineData("Xankəndi")]
    public void A_place_name_in_another_script_finds_the_place(string name)
    {
        var answer = Ask($"What was decided about {name} when the oblast was set up in 1923?");

        Assert.True(answer.Grounded, answer.Text);
        Assert.Contains("Stepanakert (Khankendi)", answer.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b202[4-9]\b")]
    private static partial Regex YearAtLeast2024();

    [GeneratedRegex(@"(?:^|\] )[^\[]*?\b(1[7-9]\d\d|20\d\d)\b")]
    private static partial Regex FirstYearOfEachSentence();
}
