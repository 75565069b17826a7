namespace BackgroundBot.Discord.Json;

/// <summary>The body of a 429 (<see href="https://discord.com/developers/docs/topics/rate-limits#exceeding-a-rate-limit-rate-limit-response-structure"/>).</summary>
internal sealed record JsonRateLimitBody(string? Message, double RetryAfter, bool Global, int? Code);
