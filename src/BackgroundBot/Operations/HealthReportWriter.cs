using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackgroundBot.Operations;

/// <summary>
/// The body of <c>/readyz</c> and <c>/healthz</c>: the overall status on the first line, then one line per check saying why, so
/// <c>curl</c> or a load balancer's log shows what is wrong (<c>discord: Unhealthy: could not reach Discord: ...</c>).
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(": ").Append(entry.Status).Append(": ").Append(entry.Description ?? entry.Exception?.Message ?? "").Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(text.ToString(), context.RequestAborted);
    }
}
