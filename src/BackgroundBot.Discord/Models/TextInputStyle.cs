namespace BackgroundBot.Discord.Models;

/// <summary>Text input styles.</summary>
public enum TextInputStyle
{
    /// <summary>One line.</summary>
    Short = 1,
    /// <summary>Several lines.</summary>
    Paragraph = 2,
}
