using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Answering.Quality;

/// <summary>A question about now is answered with when a present-tense article sentence was true.</summary>
public sealed class PresentTenseTests
{
    [Fact]
    public void A_present_tense_article_sentence_answering_a_question_about_now_is_dated()
    {
        using var store = new TestStore();

        var now = store.Ask("who currently monitors the lachin corridor?");
        var plain = store.Ask("who monitors the lachin corridor?");

        Assert.StartsWith("As of November 2023, the corridor is now monitored by Russian peacekeepers", now.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("As of", plain.Text, StringComparison.Ordinal);
        Assert.Contains("monitored by Russian peacekeepers", plain.Text, StringComparison.Ordinal);
    }
}
