namespace BackgroundBot.Discord.Models;

/// <summary>A modal dialog shown in answer to a command or component (<see href="https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal"/>).</summary>
/// <param name="CustomId">Id sent back on submit.</param>
/// <param name="Title">Title (up to 45 characters).</param>
/// <param name="Inputs">Text inputs (1 to 5), one per row.</param>
public sealed record Modal(string CustomId, string Title, IReadOnlyList<TextInput> Inputs);
