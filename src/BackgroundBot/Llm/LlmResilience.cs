using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace BackgroundBot.Llm;

/// <summary>
/// Retries with exponential backoff and jitter, honouring the server's <c>Retry-After</c>, with a timeout on each
/// attempt; all on the injected <see cref="TimeProvider"/>, so tests control every wait.
/// </summary>
public static class LlmResilience
{
    public const string Key = "llm";

    public static ResiliencePipeline Create(LlmOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && !args.Context.CancellationToken.IsCancellationRequested && (ex is TimeoutRejectedException || LlmFailure.IsTransient(ex))),
                DelayGenerator = args => ValueTask.FromResult(LlmFailure.RetryAfter(args.Outcome.Exception, time.GetUtcNow())),
                OnRetry = args =>
                {
                    Log.Retrying(logger, args.RetryDelay, args.AttemptNumber + 1, LlmFailure.Describe(args.Outcome.Exception!));
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
    }
}
