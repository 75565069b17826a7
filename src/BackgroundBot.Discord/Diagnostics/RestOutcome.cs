namespace BackgroundBot.Discord.Diagnostics;

/// <summary>How one REST call to Discord ended: answered (any status Discord chose to give), or not reached, and why.</summary>
/// <param name="Reached">True when Discord answered with a success.</param>
/// <param name="Call">The method and route template, e.g. <c>GET /gateway/bot</c>.</param>
/// <param name="Failure">Why it failed, in words (<c>could not reach Discord: name resolution failed</c>); null when it succeeded.</param>
/// <param name="At">When it ended.</param>
public sealed record RestOutcome(bool Reached, string Call, string? Failure, DateTimeOffset At);
