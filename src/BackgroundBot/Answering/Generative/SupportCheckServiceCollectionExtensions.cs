using BackgroundBot.Answering.Generative;

namespace Microsoft.Extensions.DependencyInjection;

public static class SupportCheckServiceCollectionExtensions
{
    /// <summary>
    /// The checks a generated sentence must pass against the passages it cites, in the order they run (cheapest
    /// first). A meaning-based check joins with one more <c>AddSingleton&lt;ISupportCheck, ...&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddSupportChecks(this IServiceCollection services)
    {
        services.AddSingleton<ISupportCheck, NeutralityCheck>();
        services.AddSingleton<ISupportCheck, ContentOverlapCheck>();
        services.AddSingleton<CitationCheck>();
        return services;
    }
}
