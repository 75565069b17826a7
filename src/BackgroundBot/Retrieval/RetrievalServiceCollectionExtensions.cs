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
        return services;
    }
}
