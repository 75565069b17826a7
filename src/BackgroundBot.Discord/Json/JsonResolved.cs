namespace BackgroundBot.Discord.Json;

/// <summary>The resolved objects of a command's options; only attachments are used.</summary>
internal sealed record JsonResolved(IReadOnlyDictionary<string, JsonAttachment>? Attachments);
