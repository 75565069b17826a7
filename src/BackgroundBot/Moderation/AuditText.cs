using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BackgroundBot.Knowledge;

namespace BackgroundBot.Moderation;

/// <summary>An audit entry as one line, and in full: what changed, field by field, in words a moderator reads.</summary>
public static class AuditText
{
    // Internal bookkeeping that changes on every edit and says nothing to a reader.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "passageId" };

    public static string Line(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Create(CultureInfo.InvariantCulture, $"#{entry.Id}\t{entry.At:yyyy-MM-dd HH:mm:ss}Z\t{entry.Actor}\t{entry.Action}\t{entry.Subject}");
    }

    /// <summary>
    /// The entry's line, then each field that changed as <c>field: before → after</c> (nested fields by path,
    /// <c>source.published</c>); a creation or removal lists the fields it had.
    /// </summary>
    public static string Full(AuditEntry entry, AuditEntry? undoneBy = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var lines = new List<string> { Line(entry) };
        if (entry.Undoes is { } undoes)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  undoes audit {undoes}"));
        }

        if (undoneBy is not null)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  undone by audit {undoneBy.Id} ({undoneBy.Actor}, {undoneBy.At:yyyy-MM-dd HH:mm}Z)"));
        }

        var before = Flatten(entry.Before);
        var after = Flatten(entry.After);
        if (entry.Before is null || entry.After is null)
        {
            lines.Add(entry.Before is null ? "  created:" : "  removed; it was:");
            lines.AddRange((entry.Before is null ? after : before).Select(f => $"    {f.Key}: {f.Value}"));
            return string.Join('\n', lines);
        }

        var keys = after.Keys.Concat(before.Keys).Distinct(StringComparer.Ordinal).ToList();
        var changed = keys
            .Where(k => !string.Equals(before.GetValueOrDefault(k), after.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => $"  {k}: {before.GetValueOrDefault(k) ?? "(none)"} → {after.GetValueOrDefault(k) ?? "(none)"}")
            .ToList();
        lines.AddRange(changed.Count == 0 ? ["  (no field changed)"] : changed);
        return string.Join('\n', lines);
    }

    /// <summary>A JSON snapshot as ordered <c>path: value</c> pairs; strings bare, lists as <c>[1, 2]</c>.</summary>
    private static Dictionary<string, string> Flatten(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }

        try
        {
            Add(fields, "", JsonNode.Parse(json));
        }
        catch (JsonException)
        {
            fields["(value)"] = json;
        }

        return fields;
    }

    private static void Add(Dictionary<string, string> fields, string path, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (!Hidden.Contains(name))
                    {
                        Add(fields, path.Length == 0 ? name : $"{path}.{name}", value);
                    }
                }

                break;
            case JsonArray array:
                fields[path] = $"[{string.Join(", ", array.Select(Value))}]";
                break;
            default:
                fields[path.Length == 0 ? "(value)" : path] = Value(node);
                break;
        }
    }

    private static string Value(JsonNode? node) => node switch
    {
        null => "(none)",
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length == 0 ? "\"\"" : text,
        _ => node.ToJsonString(),
    };
}
