using BackgroundBot.Answering;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static class AnsweringServiceCollectionExtensions
{
    /// <summary>Cited answers: the extractive embedded default, used when no model is configured.</summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnsweringOptions>()
            .Bind(configuration.GetSection(AnsweringOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<QuestionGuard>();
        services.AddSingleton<EvidenceSelector>();
        services.AddSingleton<PlaceNames>();
        services.AddSingleton<DeclineMessages>();
        services.AddSingleton<ExtractiveAnswerer>();
        services.AddSingleton<IAnswerer>(sp => sp.GetRequiredService<ExtractiveAnswerer>());
        return services;
    }
}
