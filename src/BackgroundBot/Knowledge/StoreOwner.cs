using System.Globalization;

namespace BackgroundBot.Knowledge;

/// <summary>The process holding a store: what the refused one is told.</summary>
public sealed record StoreOwner(int ProcessId, string Verb, DateTimeOffset Since)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"`{Verb}` (process {ProcessId}, since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)");

    public string ToText() => string.Create(CultureInfo.InvariantCulture, $"pid={ProcessId}\nverb={Verb}\nsince={Since:O}\n");

    public static StoreOwner? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return values.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && values.TryGetValue("verb", out var verb)
            && values.TryGetValue("since", out var since) && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? new StoreOwner(id, verb, at)
            : null;
    }
}
