namespace BackgroundBot.Discord.Models;

/// <summary>An interactive component inside an <see cref="ActionRow"/>: a <see cref="Button"/> or a <see cref="SelectMenu"/>.</summary>
public abstract record MessageComponent;
