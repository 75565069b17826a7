using BackgroundBot.Discord.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace BackgroundBot.Operations;

/// <summary>What an operator's tools call: <c>/readyz</c>, <c>/metrics</c> (Prometheus), and <c>/healthz</c> where the interactions endpoint does not already map it.</summary>
internal static class OperationsEndpoints
{
    public static void MapOperations(this WebApplication app, bool liveness)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (liveness)
        {
            // Liveness: the process answers HTTP. No dependency is checked, so an outage of Discord never gets the bot restarted.
            app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync });
        }

        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(DiscordHealthCheck.ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
    }
}
