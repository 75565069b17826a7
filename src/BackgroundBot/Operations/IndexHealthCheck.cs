using System.Globalization;
using BackgroundBot.Retrieval;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackgroundBot.Operations;

/// <summary>Readiness: the retrieval index is built from the store (an empty one answers nothing, so it is reported as degraded).</summary>
internal sealed class IndexHealthCheck(Retriever retriever) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var passages = retriever.Index.Count;
        return Task.FromResult(passages > 0
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"index: built, {passages} passages"))
            : HealthCheckResult.Degraded("index: built but empty; every question will be declined until articles are imported"));
    }
}
