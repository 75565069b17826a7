using System.Text.Json.Nodes;
using BackgroundBot.Tests.Answering.Generative;
using BackgroundBot.Tests.Infrastructure;
using BackgroundBot.Tests.ScriptedOpenAi;
using Microsoft.Extensions.Configuration;

namespace BackgroundBot.Tests.Operations;

/// <summary>
/// appsettings.example.json copied as it is: before, its <c>"PromptsDirectory": ""</c> broke start-up, and its Llm section
/// switched generative answers on against a model that was not there.
/// </summary>
public sealed class ExampleSettingsTests : IDisposable
{
    private static readonly string Example = Path.Combine(AppContext.BaseDirectory, "Deploy", "appsettings.example.json");
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_example_settings_copied_as_they_are_answer_extractively()
    {
        var run = await CliRun.RunAsync(
            ["ask", "Who monitors the Lachin corridor?", "--json", "--db", Path.Combine(_folder.Path, "bot.db")],
            builder => builder.Configuration.AddJsonFile(Example, optional: false));

        Assert.True(run.ExitCode == 0, run.Error);
        var answer = JsonNode.Parse(run.Output)!;
        Assert.Equal("extractive", answer["mode"]!.GetValue<string>());
        Assert.True(answer["grounded"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_empty_PromptsDirectory_as_the_example_shows_it_means_the_bundled_prompts()
    {
        await using var model = await ScriptedOpenAiServer.StartAsync();
        model.Enqueue(ScriptedReply.Answer(r => $"Russian peacekeepers monitor the Lachin corridor [{PromptPassages.NumberOf(r, "monitored by Russian peacekeepers")}]."));
        var settings = GenerativeAnswererTests.LlmSettings(model);
        settings["Llm:PromptsDirectory"] = "";

        var run = await CliRun.RunAsync(
            ["ask", "Who monitors the Lachin corridor?", "--json", "--db", Path.Combine(_folder.Path, "bot.db")],
            builder => builder.Configuration.AddInMemoryCollection(settings));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("generative", JsonNode.Parse(run.Output)!["mode"]!.GetValue<string>());
    }
}
