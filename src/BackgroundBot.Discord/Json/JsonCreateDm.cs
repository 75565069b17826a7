namespace BackgroundBot.Discord.Json;

/// <summary>The body of Create DM.</summary>
internal sealed record JsonCreateDm(string RecipientId);
