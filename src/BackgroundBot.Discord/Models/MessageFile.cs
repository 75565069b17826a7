namespace BackgroundBot.Discord.Models;

/// <summary>
/// A file uploaded with a message (<see href="https://discord.com/developers/docs/reference#uploading-files"/>): sent as
/// a <c>files[n]</c> part of a multipart request, referenced from the message's <c>attachments</c>.
/// </summary>
/// <param name="FileName">The name members see (an image named <c>*.png</c> is shown inline).</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The media type of <paramref name="Content"/>.</param>
/// <param name="Description">Alt text (up to 1024 characters), read by screen readers.</param>
public sealed record MessageFile(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "image/png", string? Description = null);
