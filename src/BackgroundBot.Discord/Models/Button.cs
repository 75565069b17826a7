namespace BackgroundBot.Discord.Models;

/// <summary>A button. Non-link buttons carry a <see cref="CustomId"/>; link buttons carry a <see cref="Url"/> and send no interaction.</summary>
public sealed record Button : MessageComponent
{
    /// <summary>Style.</summary>
    public ButtonStyle Style { get; init; } = ButtonStyle.Secondary;

    /// <summary>Label (up to 80 characters).</summary>
    public required string Label { get; init; }

    /// <summary>Developer-defined id sent back when pressed (not for link buttons).</summary>
    public string? CustomId { get; init; }

    /// <summary>Target of a link button.</summary>
    public Uri? Url { get; init; }

    /// <summary>Whether it is greyed out.</summary>
    public bool Disabled { get; init; }

    /// <summary>A link button.</summary>
    public static Button Link(string label, Uri url) => new() { Style = ButtonStyle.Link, Label = label, Url = url };
}
