namespace BackgroundBot.Discord.Models;

/// <summary>
/// A file sent with a message, as an attachment (<see href="https://discord.com/developers/docs/reference#uploading-files"/>).
/// A message carrying files is sent as <c>multipart/form-data</c>.
/// </summary>
/// <param name="FileName">The name members see and download it as (an image named <c>*.png</c> is shown inline).</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">Its media type. Defaults to <c>application/octet-stream</c>.</param>
public sealed record MessageFile(string FileName, byte[] Content, string ContentType = "application/octet-stream");
