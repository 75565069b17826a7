namespace BackgroundBot.Operations;

/// <summary>
/// A configuration section of the bot's and an options class that reads it, so <see cref="SettingsKeyCheck"/> can tell a
/// misspelt key from a real one. The composition root names them (<c>Cli/BotHost</c>), so this folder needs to know no
/// feature; a section may be read by several classes.
/// </summary>
public sealed record SettingsSection(string Name, Type Options);
