using BackgroundBot.Discord.Models;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// The bot's slash commands. Register one (singleton) and the layer registers the commands at start: with a bulk overwrite,
/// and only when they differ from what Discord already has, so a restart with an unchanged set costs one GET.
/// </summary>
public interface IApplicationCommandSource
{
    /// <summary>Every command the bot offers.</summary>
    IReadOnlyList<ApplicationCommandDefinition> Commands { get; }
}
