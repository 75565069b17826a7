namespace BackgroundBot.Discord.Json;

internal sealed record JsonSessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
