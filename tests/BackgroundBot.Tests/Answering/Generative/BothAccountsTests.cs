using BackgroundBot.Answering;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Tests.ScriptedOpenAi;

namespace BackgroundBot.Tests.Answering.Generative;

/// <summary>The generative path follows the both-accounts rule: the store completes what the model left out.</summary>
public sealed class BothAccountsTests : IAsyncLifetime
{
    private const string AzerbaijaniAccount = "Azerbaijan's account of 27 September 2020";
    private const string ArmenianAccount = "Armenia's account of 27 September 2020";

    private ScriptedOpenAiServer _server = null!;
    private TestStore _store = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedOpenAiServer.StartAsync();
        _store = new TestStore(settings: GenerativeAnswererTests.LlmSettings(_server), pack: true);
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_model_answer_citing_one_sides_account_is_completed_with_the_other_sides_account()
    {
        _server.Enqueue(ScriptedReply.Answer(r =>
            $"Azerbaijan's account is that Armenian forces opened intensive fire first [{PromptPassages.NumberOf(r, AzerbaijaniAccount)}]."));

        var result = await _store.ConfiguredAnswerer.AskAsync(new AskRequest("who started the 2020 war?"), CancellationToken.None);
        var answer = result.Answer!;

        Assert.True(answer.Grounded, answer.Text);
        Assert.Equal(AnswerMode.Generative, answer.Mode);
        Assert.StartsWith("Azerbaijan's account is that Armenian forces opened intensive fire first. [1]", answer.Text, StringComparison.Ordinal);
        Assert.Contains(ArmenianAccount, answer.Text, StringComparison.Ordinal);
        Assert.Equal(2, answer.Citations.Count);
        Assert.Contains(ArmenianAccount, answer.Citations[1].Quote, StringComparison.Ordinal);
    }
}
