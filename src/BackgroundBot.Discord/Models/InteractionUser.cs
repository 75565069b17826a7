namespace BackgroundBot.Discord.Models;

/// <summary>The user who triggered an interaction.</summary>
/// <param name="Id">User id.</param>
/// <param name="Username">Unique username.</param>
/// <param name="GlobalName">Display name, when set.</param>
public sealed record InteractionUser(ulong Id, string Username, string? GlobalName)
{
    /// <summary>The name to show: the display name when set, else the username.</summary>
    public string DisplayName => GlobalName ?? Username;
}
