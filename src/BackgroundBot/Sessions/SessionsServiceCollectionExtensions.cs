using BackgroundBot.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class SessionsServiceCollectionExtensions
{
    /// <summary>Sessions' transcripts, for every verb (the CLI exports them).</summary>
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        // Added by every host (the CLI exports transcripts) and again by the Discord bot: once is enough.
        services.TryAddSingleton<TranscriptBuilder>();
        return services;
    }

    /// <summary>
    /// Educators' live Q&amp;A sessions in Discord: <c>/session</c>, the queue, the panel, and the clock that ends them. Add it
    /// before the community module, so <c>/ask</c> in a channel with a session joins the queue.
    /// </summary>
    public static IServiceCollection AddSessionsInDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SessionsOptions>()
            .Bind(configuration.GetSection(SessionsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSessions();
        services.AddSingleton<EducatorPolicy>();
        services.AddSingleton<SessionQueue>();
        services.AddSingleton<SessionCloser>();
        services.AddSingleton<SessionSteering>();
        services.AddInteractionModule<SessionsInteractionHandler>();
        services.AddHostedService<SessionClock>();
        return services;
    }
}
