using System.Net;
using BackgroundBot.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace BackgroundBot.Quizzes;

/// <summary>
/// With a model configured, words each question with the <c>prompts/Quiz</c> prompt; without one, or when the model fails
/// or its wording gives the answer away, the question keeps its built wording. Only <see cref="QuizQuestion.Prompt"/>
/// changes: the options and the answer key always come from the fact.
/// </summary>
public sealed class QuizWording(IServiceProvider services, IConfiguration configuration, IOptions<LlmOptions> options, ILogger<QuizWording> logger)
{
    private const int MaxLength = 300;
    private KernelFunction? _function;

    public bool Enabled => configuration.GetSection(LlmOptions.Section).Exists();

    public async Task<IReadOnlyList<QuizQuestion>> WordAsync(IReadOnlyList<QuizQuestion> questions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (!Enabled)
        {
            return questions;
        }

        var kernel = services.GetRequiredService<Kernel>();
        _function ??= kernel.CreateFunctionFromPrompt(Load());
        var worded = new List<QuizQuestion>();
        foreach (var question in questions)
        {
            worded.Add(await WordOneAsync(kernel, question, cancellationToken));
        }

        return worded;
    }

    private async Task<QuizQuestion> WordOneAsync(Kernel kernel, QuizQuestion question, CancellationToken cancellationToken)
    {
        // The built prompt is "Which place? <statement with ____>": the model sees the sentence, never the answer.
        var sentence = question.Prompt[(question.Prompt.IndexOf('?', StringComparison.Ordinal) + 1)..].Trim();
        var kind = question.Kind switch
        {
            QuizKind.Date => "year",
            QuizKind.Place => "place",
            QuizKind.Party => "party",
            _ => "number",
        };
        try
        {
            var result = await _function!.InvokeAsync(kernel, new KernelArguments { ["blanked"] = WebUtility.HtmlEncode(sentence), ["kind"] = kind }, cancellationToken);
            var text = result.GetValue<string>()?.Trim() ?? "";
            if (text.Length == 0 || text.Length > MaxLength || question.Options.Any(o => text.Contains(o, StringComparison.OrdinalIgnoreCase))
                || text.Contains(question.Value, StringComparison.OrdinalIgnoreCase))
            {
                // Empty, too long, or naming an option (the answer, or a distractor as a hint): the built wording stays.
                Log.WordingRejected(logger, question.FactId);
                return question;
            }

            return question with { Prompt = text };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.WordingFailed(logger, question.FactId, LlmFailure.Describe(ex), ex);
            return question;
        }
    }

    private PromptTemplateConfig Load()
    {
        var directory = options.Value.PromptsDirectory is { Length: > 0 } d && !string.IsNullOrWhiteSpace(d) ? d : Path.Combine(AppContext.BaseDirectory, "prompts");
        var folder = Path.Combine(directory, "Quiz");
        var config = PromptTemplateConfig.FromJson(File.ReadAllText(Path.Combine(folder, "config.json")));
        config.Template = File.ReadAllText(Path.Combine(folder, "skprompt.txt"));
        config.Name = "Quiz";
        return config;
    }
}
