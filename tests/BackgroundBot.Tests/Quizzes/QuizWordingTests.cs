using BackgroundBot.Quizzes;
using BackgroundBot.Tests.Answering.Generative;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Tests.ScriptedOpenAi;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Tests.Quizzes;

/// <summary>With a model, prompts/Quiz words the question; the options and the key stay the fact's.</summary>
public sealed class QuizWordingTests : IAsyncLifetime
{
    private ScriptedOpenAiServer _server = null!;
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedOpenAiServer.StartAsync();
        var settings = GenerativeAnswererTests.LlmSettings(_server);
        settings["Store:SeedPack"] = "true";
        _store = new TestStore(settings: settings);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_model_words_the_question_but_never_changes_the_options_or_the_key_and_a_wording_that_gives_an_option_away_is_dropped()
    {
        var fact = _store.Store.ListFacts().First(f => f.Statement.StartsWith("The Bishkek Protocol, dated 5 May 1994", StringComparison.Ordinal));
        var built = new QuizGenerator(_store.Store).QuestionsFor(fact, new Random(1)).Where(q => q.Kind is QuizKind.Date or QuizKind.Place).ToList();
        Assert.Equal(2, built.Count);
        var place = built.Single(q => q.Kind == QuizKind.Place);
        _server.Enqueue(
            ScriptedReply.Answer("In which year was the Bishkek Protocol dated, after a meeting held at the CIS Inter-Parliamentary Assembly's initiative?"),
            ScriptedReply.Answer($"Was the meeting held in {place.Options[(place.Answer + 1) % 4]} or somewhere else?"));
        var wording = ActivatorUtilities.CreateInstance<QuizWording>(_store.Services);

        var worded = await wording.WordAsync(built, CancellationToken.None);

        var request = (await _server.ChatRequestAsync(1)).ToJsonString();
        Assert.Contains("____", request, StringComparison.Ordinal);
        Assert.DoesNotContain("1994", request, StringComparison.Ordinal);
        Assert.StartsWith("In which year was the Bishkek Protocol dated", worded[0].Prompt, StringComparison.Ordinal);
        Assert.Equal(built[0] with { Prompt = worded[0].Prompt }, worded[0]);
        Assert.Equal("1994", worded[0].RightOption);
        Assert.Equal(built[1], worded[1]);
    }
}
