namespace BackgroundBot.Discord.Models;

/// <summary>A choice in a <see cref="SelectMenu"/>.</summary>
/// <param name="Label">Shown text (up to 100 characters).</param>
/// <param name="Value">Value sent back (up to 100 characters).</param>
/// <param name="Description">Extra text under the label.</param>
/// <param name="Default">Selected by default.</param>
public sealed record SelectMenuOption(string Label, string Value, string? Description = null, bool Default = false);
