using System.Net;
using System.Text.Json.Nodes;
using BackgroundBot.Testing.FakeDiscord;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Tests.ScriptedOpenAi;

namespace BackgroundBot.Tests.Operations;

/// <summary>
/// SIGTERM to a real <c>serve</c> process, as systemd or a container engine stops it, with a member's <c>/ask</c> still waiting
/// on a slow model. Before, the handler was cancelled at once: the member stayed on "Looking that up…" and no line said so.
/// </summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private const string Question = "Who monitors the Lachin corridor?";
    private readonly TempFolder _folder = TempFolder.Create();
    private readonly SignedInteractions _signer = new();
    private readonly HttpClient _http = new();
    private FakeDiscordServer _discord = null!;
    private ScriptedOpenAiServer _model = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync();
        _model = await ScriptedOpenAiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _model.DisposeAsync();
        await _discord.DisposeAsync();
        _signer.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_answer_in_flight_at_SIGTERM_is_delivered_new_interactions_get_503_and_the_process_exits_0()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _model.Enqueue(new ScriptedReply
        {
            Compose = r => $"Russian peacekeepers monitor the Lachin corridor, according to the article [{PromptPassages.NumberOf(r, "monitored by Russian peacekeepers")}].",
            HoldAfterFirstChunk = release.Task,
        });
        await using var bot = await BotProcess.ServeAsync(_folder.Path, Environment("00:01:00"), Path.Combine(_folder.Path, "bot.db"));

        var placeholder = await AskAsync(bot, 91);
        await _model.ChatRequestAsync(1);
        await bot.TerminateAsync();
        await bot.ErrorLineAsync("taking no new interactions");
        using var refused = await _http.SendAsync(_signer.Post(bot.Endpoint, SignedInteractions.Ask(92, Question), DateTimeOffset.UtcNow));
        release.SetResult();
        var exitCode = await bot.ExitCodeAsync();
        var log = await bot.ErrorOutput;

        Assert.Contains("Looking that up", placeholder, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(exitCode == 0, $"exit code {exitCode}; standard error:\n{log}");
        var shown = _discord.Messages.OriginalOf("itoken-91")!;
        Assert.Contains("Russian peacekeepers monitor the Lachin corridor", shown.EmbedDescription, StringComparison.Ordinal);
        Assert.Empty(_discord.RequestsTo("PATCH", "itoken-92"));
        Assert.Contains("every interaction in flight was answered", log, StringComparison.Ordinal);
        Assert.Contains("closing the fact store", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_outlives_the_shutdown_timeout_is_replaced_by_a_restart_notice_and_the_process_exits_0()
    {
        _model.Enqueue(ScriptedReply.Hanging());
        await using var bot = await BotProcess.ServeAsync(_folder.Path, Environment("00:00:06"), Path.Combine(_folder.Path, "bot.db"));

        var placeholder = await AskAsync(bot, 93);
        await _model.ChatRequestAsync(1);
        await bot.TerminateAsync();
        var exitCode = await bot.ExitCodeAsync();
        var log = await bot.ErrorOutput;

        Assert.Contains("Looking that up", placeholder, StringComparison.Ordinal);
        Assert.True(exitCode == 0, $"exit code {exitCode}; standard error:\n{log}");
        Assert.Contains("The bot is restarting", _discord.Messages.OriginalOf("itoken-93")!.Content, StringComparison.Ordinal);
        Assert.Contains("1 interactions still running after", log, StringComparison.Ordinal);
        Assert.Contains("closing the fact store", log, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Environment(string shutdownTimeout) => new()
    {
        ["Discord__Token"] = "test-token.abc",
        ["Discord__ApplicationId"] = "1000",
        ["Discord__PublicKey"] = _signer.PublicKey,
        ["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl.AbsoluteUri,
        ["Store__SeedPack"] = "false",
        ["Llm__Provider"] = "OpenAICompatible",
        ["Llm__Endpoint"] = _model.Endpoint.ToString(),
        ["Llm__Model"] = "scripted-model",
        ["Llm__TimeoutSeconds"] = "120",
        ["HostOptions__ShutdownTimeout"] = shutdownTimeout,
    };

    /// <summary>Posts a signed /ask; returns the placeholder the HTTP response carried, after telling the fake Discord it holds it.</summary>
    private async Task<string> AskAsync(BotProcess bot, ulong id)
    {
        using var response = await _http.SendAsync(_signer.Post(bot.Endpoint, SignedInteractions.Ask(id, Question), DateTimeOffset.UtcNow));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        _discord.Messages.AnsweredOverHttp(id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"itoken-{id}", body);
        return JsonNode.Parse(body)!["data"]!["content"]!.GetValue<string>();
    }
}
