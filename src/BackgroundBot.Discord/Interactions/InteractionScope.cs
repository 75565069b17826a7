using System.Collections;
using System.Globalization;

namespace BackgroundBot.Discord.Interactions;

/// <summary>
/// The logging scope of one interaction: its id and the reference a member is shown if it fails, so every line logged while
/// handling it (by the layer or the bot) can be found from either. Structured, so the JSON console format writes both as fields.
/// </summary>
internal sealed class InteractionScope(ulong interactionId, string reference) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("InteractionId", interactionId.ToString(CultureInfo.InvariantCulture)),
        1 => new("Reference", reference),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"interaction {interactionId}, reference {reference}");
}
