using System.ComponentModel.DataAnnotations;

namespace BackgroundBot.Community;

/// <summary>How the bot behaves in chat, bound from the <c>Community</c> section.</summary>
public sealed class CommunityOptions
{
    public const string Section = "Community";

    /// <summary>Questions one member may ask per minute. Defaults to 5.</summary>
    [Range(1, 1000)]
    public int QuestionsPerUserPerMinute { get; set; } = 5;

    /// <summary>Questions one channel may ask per minute, all members together. Defaults to 20.</summary>
    [Range(1, 10000)]
    public int QuestionsPerChannelPerMinute { get; set; } = 20;

    /// <summary>
    /// Shortest time between two edits of a streaming answer: Discord rate-limits edits of one message, and a
    /// reader cannot follow faster. Defaults to 1.5 seconds.
    /// </summary>
    public TimeSpan StreamEditInterval { get; set; } = TimeSpan.FromSeconds(1.5);
}
