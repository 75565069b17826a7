namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>
/// How the fake answers a matching request instead of serving it: a status (429 with retry_after, 500, 401...),
/// optionally only after <see cref="HoldUntil"/> completes (a delayed response), or, with <see cref="AfterProcessing"/>,
/// after doing what the request asked (Discord did the work, then the answer was lost on the way back: a 502 from a proxy).
/// </summary>
public sealed record RestFault(int Status)
{
    public double RetryAfter { get; init; }
    public bool Global { get; init; }
    public string? Scope { get; init; }
    public TaskCompletionSource? HoldUntil { get; init; }

    /// <summary>The request takes effect (the message is created, the interaction acknowledged) before the fault is answered.</summary>
    public bool AfterProcessing { get; init; }

    public static RestFault RateLimited(double retryAfter, bool global = false) => new(429) { RetryAfter = retryAfter, Global = global, Scope = global ? "global" : "user" };

    public static RestFault ServerError() => new(500);

    /// <summary>The request takes effect, but the bot gets <paramref name="status"/> (default 502 Bad Gateway) instead of the answer.</summary>
    public static RestFault FailsAfterProcessing(int status = 502) => new(status) { AfterProcessing = true };

    public static RestFault Delay(TaskCompletionSource until) => new(0) { HoldUntil = until };
}
