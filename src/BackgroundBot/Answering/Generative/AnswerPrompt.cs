using System.Text.Json;
using Microsoft.SemanticKernel;

namespace BackgroundBot.Answering.Generative;

/// <summary>
/// The <c>Answer</c> prompt, loaded from <c>prompts/Answer/</c> (Semantic Kernel's <c>skprompt.txt</c> +
/// <c>config.json</c> form) when the host starts, so a missing or broken file stops start-up with its name.
/// </summary>
public sealed class AnswerPrompt
{
    public const string NotCoveredReply = "The passages do not cover this question.";

    private static readonly string[] RequiredVariables = ["passages", "question", "not_covered"];

    public AnswerPrompt(string promptsDirectory)
    {
        var directory = Path.Combine(promptsDirectory, "Answer");
        var templatePath = Path.Combine(directory, "skprompt.txt");
        var configPath = Path.Combine(directory, "config.json");
        foreach (var path in new[] { templatePath, configPath })
        {
            if (!File.Exists(path))
            {
                throw new PromptLoadException($"Prompt file missing: {path}. Restore it from the repository's prompts/ folder.");
            }
        }

        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(File.ReadAllText(configPath));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw new PromptLoadException($"Prompt file {configPath} is not valid: {ex.Message}", ex);
        }

        config.Template = File.ReadAllText(templatePath);
        if (string.IsNullOrWhiteSpace(config.Template))
        {
            throw new PromptLoadException($"Prompt file {templatePath} is empty.");
        }

        foreach (var variable in RequiredVariables)
        {
            if (!config.Template.Contains("{{$" + variable + "}}", StringComparison.Ordinal))
            {
                throw new PromptLoadException($"Prompt file {templatePath} does not use the variable {{{{${variable}}}}}.");
            }
        }

        config.Name = "Answer";
        Config = config;
    }

    public PromptTemplateConfig Config { get; }

    /// <summary>Where the shipped prompts are: beside the executable.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");
}
