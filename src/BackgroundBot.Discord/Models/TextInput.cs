namespace BackgroundBot.Discord.Models;

/// <summary>A text field of a <see cref="Modal"/>.</summary>
public sealed record TextInput
{
    /// <summary>Id its value comes back under (see <see cref="Interaction.ModalValues"/>).</summary>
    public required string CustomId { get; init; }

    /// <summary>Label (up to 45 characters).</summary>
    public required string Label { get; init; }

    /// <summary>Style. Defaults to <see cref="TextInputStyle.Short"/>.</summary>
    public TextInputStyle Style { get; init; } = TextInputStyle.Short;

    /// <summary>Whether a value is required. Defaults to true.</summary>
    public bool Required { get; init; } = true;

    /// <summary>Placeholder text.</summary>
    public string? Placeholder { get; init; }

    /// <summary>Pre-filled value.</summary>
    public string? Value { get; init; }

    /// <summary>Least length.</summary>
    public int? MinLength { get; init; }

    /// <summary>Most length.</summary>
    public int? MaxLength { get; init; }
}
