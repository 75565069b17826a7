using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace BackgroundBot.Operations;

/// <summary>
/// Finds settings in the bot's own sections that nothing reads (a misspelt key is otherwise silently ignored, and its default
/// used), each with the nearest known key: <c>Answering:MinCoverge is not a setting; did you mean Answering:MinCoverage?</c>.
/// A misspelt section name close to one of the bot's is reported too.
/// </summary>
internal static class SettingsKeyCheck
{

    /// <summary>One sentence per unknown key, in the order found.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IEnumerable<SettingsSection> sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        var byName = sections.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Options).ToArray(), StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var top in configuration.GetChildren())
        {
            if (byName.TryGetValue(top.Key, out var types))
            {
                var known = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Where(p => p.CanWrite).Select(p => p.Name).Distinct().ToList();
                foreach (var setting in top.GetChildren())
                {
                    if (!known.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
                    {
                        problems.Add(Describe($"{top.Key}:{setting.Key}", Nearest(setting.Key, known) is { } near ? $"{top.Key}:{near}" : null, $"the settings of {top.Key} are {string.Join(", ", known)}"));
                    }
                }
            }
            else if (Nearest(top.Key, byName.Keys, maxDistance: 2) is { } section)
            {
                problems.Add(Describe(top.Key, section, null));
            }
        }

        return problems;
    }

    private static string Describe(string key, string? nearest, string? otherwise) =>
        $"{key} is not a setting BackgroundBot reads (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}), so it is ignored; "
        + (nearest is not null ? $"did you mean {nearest}?" : otherwise + ".");

    private static string? Nearest(string key, IEnumerable<string> known, int? maxDistance = null)
    {
        var limit = maxDistance ?? Math.Max(2, key.Length / 3);
        return known
            .Select(k => (Key: k, Distance: Distance(key.ToUpperInvariant(), k.ToUpperInvariant())))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance)
            .Select(k => k.Key)
            .FirstOrDefault();
    }

    // Levenshtein distance, with a swap of two neighbours counted as one edit (the commonest typo).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
