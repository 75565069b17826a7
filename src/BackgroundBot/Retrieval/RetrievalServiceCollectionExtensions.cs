using BackgroundBot.Llm;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static class RetrievalServiceCollectionExtensions
{
    /// <summary>The analyzer and the in-memory passage index, built from the store and kept current with it.</summary>
    public static IServiceCollection AddRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetrievalOptions>()
            .Bind(configuration.GetSection(RetrievalOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TextAnalyzer>();
        services.AddSingleton<PassageIndex>();
        services.AddSingleton<Retriever>();

        // With no Embeddings section the local model is used: retrieval by meaning needs no server and no key.
        services.AddOptions<LlmOptions>(LlmOptions.EmbeddingsSection)
            .Configure(o => o.Provider = LlmProvider.Local)
            .Bind(configuration.GetSection(LlmOptions.EmbeddingsSection))
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<LlmOptions>>(sp =>
            new LlmOptionsValidator(
                LlmOptions.EmbeddingsSection,
                LlmOptions.EmbeddingsSection,
                configured: true));
        services.AddHttpClient(LlmOptions.EmbeddingsSection, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<SemanticSearch>();
        return services;
    }
}
