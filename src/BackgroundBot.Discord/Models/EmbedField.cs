namespace BackgroundBot.Discord.Models;

/// <summary>A field of an embed.</summary>
/// <param name="Name">Field name (up to 256 characters).</param>
/// <param name="Value">Field value (up to 1024 characters).</param>
/// <param name="Inline">Whether it shows inline.</param>
public sealed record EmbedField(string Name, string Value, bool Inline = false);
