namespace BackgroundBot.Sessions;

/// <summary>Members' display names as the bot writes them: never a mention, never Markdown that changes the message.</summary>
internal static class Names
{
    public static string Plain(string name)
    {
        var plain = new string([.. (name ?? "").Where(c => !char.IsControl(c))]).Replace("@", "@\u200b", StringComparison.Ordinal)
            .Replace("*", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal)
            .Replace("#", "", StringComparison.Ordinal).Trim();
        return plain.Length == 0 ? "a member" : plain;
    }
}
