using BackgroundBot.Answering;
using BackgroundBot.Answering.Generative;
using BackgroundBot.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class AnsweringServiceCollectionExtensions
{
    private static bool IsModelConfigured(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetSection(LlmOptions.Section).Exists();

    /// <summary>
    /// Cited answers: extractive by default; generative through Semantic Kernel when an <c>Llm</c> section is
    /// configured, with the extractive answer as its fallback.
    /// </summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AnsweringOptions>()
            .Bind(configuration.GetSection(AnsweringOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<QuestionGuard>();
        services.AddSingleton<EvidenceSelector>();
        services.AddSingleton<DisputeAccounts>();
        services.AddSingleton<ConflictOverview>();
        services.AddSingleton<PlaceNames>();
        services.AddSingleton<DeclineMessages>();
        services.AddSingleton<AnswerPipeline>();
        services.AddSingleton<ExtractiveAnswerer>();

        services.AddOptions<LlmOptions>()
            .Bind(configuration.GetSection(LlmOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>>(sp => new LlmOptionsValidator(Microsoft.Extensions.Options.Options.DefaultName, LlmOptions.Section, IsModelConfigured(sp)));
        services.AddHttpClient(LlmOptions.Section, client => client.Timeout = Timeout.InfiniteTimeSpan);
        // Empty, as the example settings show it, means the default too.
        services.AddSingleton(sp => new AnswerPrompt(
            sp.GetRequiredService<IOptions<LlmOptions>>().Value.PromptsDirectory is { Length: > 0 } prompts && !string.IsNullOrWhiteSpace(prompts) ? prompts : AnswerPrompt.DefaultDirectory));
        services.AddSingleton(sp => KernelFactory.Create(
            sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmOptions.Section),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddKeyedSingleton(LlmResilience.Key, (sp, _) => LlmResilience.Create(
            sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LlmResilience))));
        services.AddSupportChecks();
        services.AddSingleton<GenerativeAnswerer>();

        // Decided when first asked for, from the final configuration: no Llm section means the extractive default.
        services.AddSingleton<IAnswerer>(sp => IsModelConfigured(sp)
            ? sp.GetRequiredService<GenerativeAnswerer>()
            : sp.GetRequiredService<ExtractiveAnswerer>());

        // Resolve the answerer while starting, so a broken prompt file or model setting stops start-up, not a question.
        services.AddHostedService<AnswererStartupCheck>();
        return services;
    }
}
