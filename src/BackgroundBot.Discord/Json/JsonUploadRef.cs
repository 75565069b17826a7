namespace BackgroundBot.Discord.Json;

/// <summary>
/// One entry of a message's <c>attachments</c> list naming a file uploaded in the same request: its id is the index n of its
/// <c>files[n]</c> part (<see href="https://discord.com/developers/docs/reference#uploading-files"/>).
/// </summary>
internal sealed record JsonUploadRef(string Id, string Filename);
