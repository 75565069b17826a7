using System.ClientModel;
using System.Globalization;
using System.Net;
using Microsoft.SemanticKernel;
using Polly.Timeout;

namespace BackgroundBot.Llm;

/// <summary>Reads a model failure: whether another attempt may help, how long the server asked us to wait, and a short reason.</summary>
public static class LlmFailure
{
    /// <summary>Timeouts, throttling, server errors, dropped connections and malformed replies; not bad keys or bad requests.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        HttpOperationException { StatusCode: { } status } => status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500,
        ClientResultException { Status: var status } when status > 0 => status is 429 or 408 || status >= 500,
        OperationCanceledException => false,
        _ => true,
    };

    /// <summary>The wait a 429 or 503 asked for (<c>Retry-After</c> seconds or date, or OpenAI's <c>retry-after-ms</c>).</summary>
    public static TimeSpan? RetryAfter(Exception? exception, DateTimeOffset now)
    {
        var response = (exception as ClientResultException ?? exception?.InnerException as ClientResultException)?.GetRawResponse();
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        }

        if (response.Headers.TryGetValue("Retry-After", out var value))
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Max(0, seconds));
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return date > now ? date - now : TimeSpan.Zero;
            }
        }

        return null;
    }

    /// <summary>A short reason for logs and for the note on a fallback answer; never the key or the prompt.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        HttpOperationException { StatusCode: { } status } => string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status}"),
        ClientResultException { Status: > 0 } client => string.Create(CultureInfo.InvariantCulture, $"HTTP {client.Status}"),
        TimeoutRejectedException => "it timed out",
        HttpRequestException => "it could not be reached",
        LlmResponseException response => response.Message,
        _ => "its reply could not be read",
    };
}
