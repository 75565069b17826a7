using System.Text.Json;
using BackgroundBot.Cli;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Tests.ScriptedOpenAi;
using Microsoft.Extensions.Configuration;

namespace BackgroundBot.Tests.Answering.Generative;

public sealed class GenerativeConfigurationTests : IAsyncLifetime
{
    private readonly TempFolder _folder = TempFolder.Create();
    private ScriptedOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Ask_json_reports_generative_mode_and_the_citations_that_survived()
    {
        _server.Enqueue(ScriptedReply.Answer(r =>
            $"Russian peacekeepers monitor the corridor [{PromptPassages.NumberOf(r, "monitored by Russian peacekeepers")}]. Made up [8]."));

        var run = await RunAsync(GenerativeAnswererTests.LlmSettings(_server), "ask", "Who monitors the Lachin corridor?", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("generative", json.RootElement.GetProperty("mode").GetString());
        Assert.Equal("Russian peacekeepers monitor the corridor. [1]", json.RootElement.GetProperty("answer").GetString());
        var citation = Assert.Single(json.RootElement.GetProperty("citations").EnumerateArray());
        Assert.Contains("monitored by Russian peacekeepers", citation.GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_key_never_appears_in_the_output_or_the_logs()
    {
        _server.Enqueue(ScriptedReply.Error(401));
        var settings = GenerativeAnswererTests.LlmSettings(_server);
        settings["Logging:LogLevel:Default"] = "Trace";

        var run = await RunAsync(settings, "ask", "Who monitors the Lachin corridor?");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("The language model could not answer (HTTP 401), so this answer is extractive.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-secret", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Single(_server.ChatRequests);
    }

    [Theory]
    [InlineData("Llm:Model", "", "Llm:Model is required")]
    [InlineData("Llm:Endpoint", "", "Llm:Endpoint is required for provider OpenAICompatible")]
    [InlineData("Llm:TimeoutSeconds", "0", "Llm:TimeoutSeconds must be between 1 and 600")]
    [InlineData("Llm:Temperature", "3", "Llm:Temperature must be between 0 and 2")]
    public async Task A_bad_model_setting_stops_start_up_naming_the_setting(string key, string value, string expected)
    {
        var settings = GenerativeAnswererTests.LlmSettings(_server);
        settings[key] = value;

        var run = await RunAsync(settings, "ask", "Who monitors the Lachin corridor?");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(_server.ChatRequests);
    }

    [Fact]
    public async Task An_openai_provider_without_a_key_is_refused_with_how_to_set_it()
    {
        var settings = new Dictionary<string, string?> { ["Llm:Provider"] = "OpenAI", ["Llm:Model"] = "gpt-4o-mini" };

        var run = await RunAsync(settings, "ask", "Who monitors the Lachin corridor?");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Llm:ApiKey is required for provider OpenAI; set it with user-secrets or the environment variable Llm__ApiKey.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_prompt_file_stops_start_up_naming_the_file()
    {
        var prompts = Path.Combine(_folder.Path, "prompts");
        Directory.CreateDirectory(Path.Combine(prompts, "Answer"));
        File.WriteAllText(Path.Combine(prompts, "Answer", "skprompt.txt"), "{{$passages}} {{$question}} {{$not_covered}}");
        var settings = GenerativeAnswererTests.LlmSettings(_server);
        settings["Llm:PromptsDirectory"] = prompts;

        var run = await RunAsync(settings, "ask", "Who monitors the Lachin corridor?");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"Prompt file missing: {Path.Combine(prompts, "Answer", "config.json")}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_prompt_config_stops_start_up_naming_the_file()
    {
        var prompts = Path.Combine(_folder.Path, "prompts");
        Directory.CreateDirectory(Path.Combine(prompts, "Answer"));
        File.WriteAllText(Path.Combine(prompts, "Answer", "skprompt.txt"), "{{$passages}} {{$question}} {{$not_covered}}");
        File.WriteAllText(Path.Combine(prompts, "Answer", "config.json"), "{ \"schema\": 1, ");
        var settings = GenerativeAnswererTests.LlmSettings(_server);
        settings["Llm:PromptsDirectory"] = prompts;

        var run = await RunAsync(settings, "ask", "Who monitors the Lachin corridor?");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"Prompt file {Path.Combine(prompts, "Answer", "config.json")} is not valid", run.Error, StringComparison.Ordinal);
    }

    private Task<CliRun> RunAsync(Dictionary<string, string?> settings, params string[] args) =>
        CliRun.RunAsync([.. args, "--db", Path.Combine(_folder.Path, "bot.db")], builder => builder.Configuration.AddInMemoryCollection(settings));
}
