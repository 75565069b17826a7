using System.Globalization;

namespace BackgroundBot.Timeline;

/// <summary>
/// What a timeline shows: a topic, a range of years, a place. Carried in the paging buttons' custom ids
/// (<c>timeline:PAGE:topic:from:to:place</c>, at most 100 characters), so a page is rebuilt from the store as it is now.
/// </summary>
public sealed record TimelineFilter(string? Topic, int? From, int? To, string? Place)
{
    public const string Prefix = "timeline:";

    /// <summary>Longest place name a paging button can carry within Discord's 100-character custom id.</summary>
    public const int MaxPlaceLength = 50;

    public string CustomId(int page) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{page}:{Topic}:{From}:{To}:{Place}");

    /// <summary>Reads a paging button's custom id; null when it is not one.</summary>
    public static (TimelineFilter Filter, int Page)? Parse(string customId)
    {
        ArgumentNullException.ThrowIfNull(customId);
        if (!customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = customId[Prefix.Length..].Split(':', 5);
        if (parts.Length != 5 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            return null;
        }

        return (new TimelineFilter(Empty(parts[1]), Year(parts[2]), Year(parts[3]), Empty(parts[4])), page);
    }

    /// <summary>The filter in words, for titles: "ceasefire, 1990 to 1999, Shusha".</summary>
    public string Describe()
    {
        var years = (From, To) switch
        {
            (null, null) => null,
            ({ } f, null) => string.Create(CultureInfo.InvariantCulture, $"from {f}"),
            (null, { } t) => string.Create(CultureInfo.InvariantCulture, $"up to {t}"),
            ({ } f, { } t) when f == t => string.Create(CultureInfo.InvariantCulture, $"{f}"),
            ({ } f, { } t) => string.Create(CultureInfo.InvariantCulture, $"{f} to {t}"),
        };
        var parts = new[] { Topic, years, Place }.Where(p => p is not null).ToList();
        return parts.Count == 0 ? "Timeline" : "Timeline: " + string.Join(", ", parts);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static int? Year(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}
