namespace BackgroundBot.Discord.Json;

/// <summary>A message's reference to its n-th uploaded file; the id is the part index, written as a snowflake string (<see href="https://discord.com/developers/docs/reference#uploading-files"/>).</summary>
internal sealed record JsonAttachmentRef(string Id, string Filename);
