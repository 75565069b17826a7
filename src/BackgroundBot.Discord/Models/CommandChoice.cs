namespace BackgroundBot.Discord.Models;

/// <summary>A fixed choice of an option, or an autocomplete suggestion. <see cref="Value"/> is a <c>string</c>, <c>long</c>/<c>int</c> or <c>double</c>.</summary>
/// <param name="Name">Shown text (1 to 100 characters).</param>
/// <param name="Value">Value sent back.</param>
public sealed record CommandChoice(string Name, object Value);
