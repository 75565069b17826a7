using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackgroundBot.PostgreSql;

/// <summary>Readiness: the shared store answers a query, and how far this instance has followed its change feed.</summary>
internal sealed class PostgreSqlHealthCheck(PostgreSqlStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latest = store.Run(c => Sql.Scalar<long>(c, "SELECT coalesce(max(sequence), 0) FROM store_changes"));
            return Task.FromResult(HealthCheckResult.Healthy(string.Create(
                CultureInfo.InvariantCulture, $"store: {store.Path} reachable, change {store.Sequence} of {latest} followed")));
        }
        catch (Exception ex) when (PostgreSqlStore.IsLostConnection(ex) || ex is Npgsql.NpgsqlException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"store: {store.Path} unreachable: {ex.Message}"));
        }
    }
}
