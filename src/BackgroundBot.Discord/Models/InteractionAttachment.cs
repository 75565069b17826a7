namespace BackgroundBot.Discord.Models;

/// <summary>A file attached to a command (an <c>Attachment</c> option), as Discord resolves it.</summary>
/// <param name="Id">The attachment id, the option's value.</param>
/// <param name="FileName">The file's name; its extension tells its type.</param>
/// <param name="Size">Size in bytes, to refuse an oversized file before downloading it.</param>
/// <param name="Url">Where to download it.</param>
/// <param name="ContentType">The media type Discord reports, if any.</param>
public sealed record InteractionAttachment(ulong Id, string FileName, long Size, Uri Url, string? ContentType);
