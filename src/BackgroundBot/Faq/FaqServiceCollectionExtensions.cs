using BackgroundBot.Faq;

namespace Microsoft.Extensions.DependencyInjection;

public static class FaqServiceCollectionExtensions
{
    /// <summary>The FAQ built from members' questions (for <c>/faq</c> and <c>faq --out</c>).</summary>
    public static IServiceCollection AddFaq(this IServiceCollection services)
    {
        services.AddSingleton<FaqBuilder>();
        services.AddSingleton<FaqCurator>();
        return services;
    }

    /// <summary><c>/faq</c> in Discord.</summary>
    public static IServiceCollection AddFaqInDiscord(this IServiceCollection services)
    {
        services.AddFaq();
        services.AddInteractionModule<FaqInteractionHandler>();
        return services;
    }
}
