namespace BackgroundBot.Discord.Json;

/// <summary>The body of Start Thread from Message.</summary>
internal sealed record JsonStartThread(string Name, int AutoArchiveDuration);
