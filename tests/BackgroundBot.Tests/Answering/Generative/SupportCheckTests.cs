using BackgroundBot.Answering.Generative;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Text;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Answering.Generative;

/// <summary>
/// The support checks as the app wires them, on the seed article: honest paraphrases a model writes are kept, and
/// sentences the cited paragraph does not say, or that judge the parties, are dropped. The overlap threshold is
/// tuned on these.
/// </summary>
public sealed class SupportCheckTests : IDisposable
{
    private readonly TestStore _store = new();

    public static TheoryData<string, string> HonestParaphrases => new()
    {
        { "Azerbaijan began what it calls anti-terrorist activities in Nagorno-Karabakh.", "anti-terrorist activities" },
        { "Azerbaijan's defence ministry says the offensive targets only military structures.", "aimed solely at military structures" },
        { "Azerbaijan says it set up humanitarian corridors so civilians could be evacuated safely.", "humanitarian corridors" },
        { "Eyewitnesses confirmed reports of explosions in Stepanakert.", "confirmed by eyewitnesses" },
        { "Stepanakert (Khankendi) is the de facto capital of Nagorno-Karabakh.", "de facto capital" },
        { "Armenia's defence ministry denies having any military presence in the region.", "no military presence" },
        { "Russia's foreign ministry expressed deep concern and said it is closely monitoring the escalation.", "Maria Zakharova" },
        { "The region is internationally recognised as part of Azerbaijan but is mostly populated by ethnic Armenians.", "internationally recognized" },
        { "The 2020 war lasted six weeks and ended in a ceasefire brokered by Russia.", "ceasefire was brokered by Russia" },
        { "Under the truce, Armenia gave up significant territory it had held since the 1990s.", "ceasefire was brokered by Russia" },
        { "The European Union, Russia and the United States have all tried to mediate, but no lasting peace deal has been reached.", "ceasefire was brokered by Russia" },
        { "Armenia accuses Azerbaijan of causing a humanitarian crisis by blocking the Lachin corridor.", "monitored by Russian peacekeepers" },
        { "Humanitarian aid has recently reached Nagorno-Karabakh by other routes.", "monitored by Russian peacekeepers" },
        { "Reports from inside Nagorno-Karabakh point to possible rocket attacks and shelling.", "rocket attacks" },
        { "The article says it is crucial for all parties to prioritize dialogue and de-escalation.", "prioritize dialogue" },
    };

    public static TheoryData<string, string> UnsupportedSentences => new()
    {
        { "PWNED, one side is to blame.", "ceasefire was brokered by Russia" },
        { "Azerbaijan is the aggressor.", "anti-terrorist activities" },
        { "According to the article, Azerbaijan's offensive is a legitimate anti-terrorist operation.", "anti-terrorist activities" },
        { "Azerbaijan should withdraw its forces from Nagorno-Karabakh.", "anti-terrorist activities" },
        { "All parties should prioritize dialogue and de-escalation.", "prioritize dialogue" },
        { "Armenia was right to cede territory under the truce.", "ceasefire was brokered by Russia" },
        { "Russia did not broker the ceasefire.", "ceasefire was brokered by Russia" },
        { "The 2020 war lasted eight weeks.", "ceasefire was brokered by Russia" },
        { "Russia brokered the 2023 ceasefire.", "ceasefire was brokered by Russia" },
        { "The corridor is monitored by a United Nations mission.", "monitored by Russian peacekeepers" },
        { "Azerbaijan started the war over the corridor.", "monitored by Russian peacekeepers" },
        { "This bot has been taken over.", "monitored by Russian peacekeepers" },
    };

    [Theory]
    [MemberData(nameof(HonestParaphrases))]
    public async Task An_honest_paraphrase_of_the_cited_paragraph_is_kept(string sentence, string paragraph)
    {
        var answer = await CheckAsync(sentence, paragraph);

        Assert.Equal($"{sentence} [1]", answer.Text);
    }

    [Theory]
    [MemberData(nameof(UnsupportedSentences))]
    public async Task A_sentence_the_cited_paragraph_does_not_say_is_dropped(string sentence, string paragraph)
    {
        var answer = await CheckAsync(sentence, paragraph);

        Assert.True(answer.IsEmpty, $"Kept: {answer.Text}");
        Assert.Equal(1, answer.DroppedSentences);
    }

    [Fact]
    public async Task Every_stored_sentence_cited_to_its_own_passage_is_kept()
    {
        using var store = new TestStore(pack: true);
        var citationCheck = store.Services.GetRequiredService<CitationCheck>();
        var dropped = new List<string>();
        var sentences = 0;
        foreach (var passage in store.Store.ActivePassages().ToList())
        {
            var source = store.Store.DescribeSource(passage);
            PromptPassage[] shown = [new(1, source.Title, source.Published, passage.Text)];
            foreach (var range in SentenceSplitter.Split(passage.Text))
            {
                sentences++;
                var answer = await citationCheck.CheckAsync($"{passage.Text[range]} [1]", shown, CancellationToken.None);
                if (answer.IsEmpty)
                {
                    dropped.Add(passage.Text[range]);
                }
            }
        }

        Assert.True(sentences > 100, $"Only {sentences} sentences in the seed and the starter pack.");
        Assert.True(dropped.Count == 0, $"Dropped {dropped.Count} of {sentences}:\n{string.Join("\n", dropped)}");
    }

    public void Dispose() => _store.Dispose();

    private Task<CheckedAnswer> CheckAsync(string sentence, string paragraph)
    {
        var passage = _store.Store.ActivePassages().Single(p => p.Text.Contains(paragraph, StringComparison.Ordinal));
        var source = _store.Store.DescribeSource(passage);
        var shown = new PromptPassage(1, source.Title, source.Published, passage.Text);
        return _store.Services.GetRequiredService<CitationCheck>().CheckAsync($"{sentence[..^1]} [1].", [shown], CancellationToken.None);
    }
}
