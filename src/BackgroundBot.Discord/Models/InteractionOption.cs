using System.Globalization;

namespace BackgroundBot.Discord.Models;

/// <summary>
/// One option value of a command as the user gave it. <see cref="Value"/> is typed by <see cref="Type"/>:
/// <c>string</c> (String), <c>long</c> (Integer), <c>double</c> (Number), <c>bool</c> (Boolean), <c>ulong</c> (User, Channel, Role, Mentionable, Attachment).
/// While autocompleting, the focused option may hold the partial text as a <c>string</c> whatever its type.
/// </summary>
/// <param name="Name">Option name.</param>
/// <param name="Type">Option type.</param>
/// <param name="Value">Typed value; null for subcommands and groups.</param>
/// <param name="Focused">True for the option being autocompleted.</param>
public sealed record InteractionOption(string Name, ApplicationCommandOptionType Type, object? Value, bool Focused = false)
{
    /// <summary>Nested options (for subcommands and groups).</summary>
    public IReadOnlyList<InteractionOption> Options { get; init; } = [];

    /// <summary>The value as text (any type).</summary>
    public string? AsString() => Value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString(),
    };

    /// <summary>The value as an integer, when it is one.</summary>
    public long? AsInteger() => Value switch
    {
        long l => l,
        double d => (long)d,
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    /// <summary>The value as a snowflake (user, channel, role, attachment), when it is one.</summary>
    public ulong? AsSnowflake() => Value switch
    {
        ulong u => u,
        string s when ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var u) => u,
        _ => null,
    };

    /// <summary>The value as a boolean, when it is one.</summary>
    public bool? AsBoolean() => Value as bool?;

    /// <summary>The value as a number, when it is one.</summary>
    public double? AsNumber() => Value switch
    {
        double d => d,
        long l => l,
        _ => null,
    };
}
