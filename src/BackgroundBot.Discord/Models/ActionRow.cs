namespace BackgroundBot.Discord.Models;

/// <summary>A row of up to 5 buttons, or one select menu.</summary>
/// <param name="Components">The row's components.</param>
public sealed record ActionRow(IReadOnlyList<MessageComponent> Components);
