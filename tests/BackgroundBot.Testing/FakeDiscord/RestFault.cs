namespace BackgroundBot.Testing.FakeDiscord;

/// <summary>
/// How the fake answers a matching request instead of serving it: a status (429 with retry_after, 500, 401...),
/// optionally only after <see cref="HoldUntil"/> completes (a delayed response).
/// </summary>
public sealed record RestFault(int Status)
{
    public double RetryAfter { get; init; }
    public bool Global { get; init; }
    public string? Scope { get; init; }
    public TaskCompletionSource? HoldUntil { get; init; }

    public static RestFault RateLimited(double retryAfter, bool global = false) => new(429) { RetryAfter = retryAfter, Global = global, Scope = global ? "global" : "user" };

    public static RestFault ServerError() => new(500);

    public static RestFault Delay(TaskCompletionSource until) => new(0) { HoldUntil = until };
}
