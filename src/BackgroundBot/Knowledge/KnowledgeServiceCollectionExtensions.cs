using BackgroundBot.Knowledge.Import;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Article import, fact packs and first-run seeding; the store itself comes from a provider (<c>AddLiteDbStore</c>).</summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackgroundBot.Knowledge.StoreOptions>()
            .Bind(configuration.GetSection(BackgroundBot.Knowledge.StoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ArticleReader>();
        services.AddSingleton<ArticleImporter>();
        services.AddSingleton<BackgroundBot.Knowledge.Packs.FactPackLoader>();
        services.AddSingleton<BackgroundBot.Knowledge.StoreSeeder>();
        return services;
    }
}
