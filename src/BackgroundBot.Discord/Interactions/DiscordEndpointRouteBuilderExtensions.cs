using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BackgroundBot.Discord.Interactions;

/// <summary>Maps the HTTP interactions transport into an ASP.NET Core application.</summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /interactions</c> (signed interactions from Discord) and <c>GET /healthz</c> (liveness: the process answers).
    /// Requires <see cref="DiscordServiceCollectionExtensions.AddDiscordInteractionsEndpoint"/>.
    /// </summary>
    /// <param name="endpoints">The application's routes.</param>
    /// <returns>The interactions endpoint, for further conventions.</returns>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        // Liveness only: the process answers. Dependencies (Discord, the store) decide readiness, which the host maps apart,
        // so a Discord outage never gets a supervisor to restart every instance.
        endpoints.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        return endpoints.MapPost("/interactions", (HttpContext http) => http.RequestServices.GetRequiredService<InteractionsEndpoint>().HandleAsync(http));
    }
}
