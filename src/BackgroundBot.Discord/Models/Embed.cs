namespace BackgroundBot.Discord.Models;

/// <summary>A rich embed (<see href="https://discord.com/developers/docs/resources/message#embed-object"/>).</summary>
public sealed record Embed
{
    /// <summary>Title (up to 256 characters).</summary>
    public string? Title { get; init; }

    /// <summary>Description (up to 4096 characters).</summary>
    public string? Description { get; init; }

    /// <summary>Link of the title.</summary>
    public Uri? Url { get; init; }

    /// <summary>Side colour as 0xRRGGBB.</summary>
    public int? Color { get; init; }

    /// <summary>Fields (up to 25).</summary>
    public IReadOnlyList<EmbedField> Fields { get; init; } = [];

    /// <summary>Footer text.</summary>
    public string? Footer { get; init; }
}
