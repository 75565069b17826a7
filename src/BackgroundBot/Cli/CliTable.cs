using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BackgroundBot.Cli;

/// <summary>
/// How every list verb prints: on a terminal, a header and columns that fit the window; redirected, one
/// tab-separated line a row and no header (what scripts read); with <c>--json</c>, one array of objects, every field
/// in full. Columns marked JSON-only (long or nested details) appear in the JSON alone.
/// </summary>
public sealed class CliTable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(string Header, string Json, bool JsonOnly)> _columns = [];
    private readonly List<object?[]> _rows = [];

    /// <summary>A column: its header on a terminal and its name in JSON.</summary>
    public CliTable Column(string header, string json, bool jsonOnly = false)
    {
        _columns.Add((header, json, jsonOnly));
        return this;
    }

    /// <summary>One row, a value per column: strings, numbers, booleans, null, or a <see cref="JsonNode"/> for JSON-only details.</summary>
    public CliTable Row(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _rows.Add(values);
        return this;
    }

    public int Count => _rows.Count;

    /// <param name="empty">Said instead of an empty table (not in JSON, which prints <c>[]</c>).</param>
    public async Task WriteAsync(CliContext cli, bool json, string empty)
    {
        ArgumentNullException.ThrowIfNull(cli);
        if (json)
        {
            var array = new JsonArray();
            foreach (var row in _rows)
            {
                var item = new JsonObject();
                for (var i = 0; i < _columns.Count; i++)
                {
                    item[_columns[i].Json] = ToNode(row[i]);
                }

                array.Add(item);
            }

            await cli.Output.WriteLineAsync(array.ToJsonString(Indented));
            return;
        }

        if (_rows.Count == 0)
        {
            await cli.Output.WriteLineAsync(empty);
            return;
        }

        var shown = Enumerable.Range(0, _columns.Count).Where(i => !_columns[i].JsonOnly).ToList();
        var cells = _rows.Select(r => shown.Select(i => Text(r[i])).ToList()).ToList();
        if (!cli.Terminal)
        {
            foreach (var row in cells)
            {
                await cli.Output.WriteLineAsync(string.Join('\t', row));
            }

            return;
        }

        // On a terminal: every column as wide as its widest cell, the last one cut to the window with an ellipsis.
        var headers = shown.Select(i => _columns[i].Header).ToList();
        var widths = headers.Select((h, c) => Math.Max(h.Length, cells.Max(r => r[c].Length))).ToList();
        var fixedWidth = widths.Take(widths.Count - 1).Sum(w => w + 2);
        var lastWidth = Math.Max(20, WindowWidth() - fixedWidth - 1);
        await cli.Output.WriteLineAsync(Line(headers, widths, lastWidth));
        foreach (var row in cells)
        {
            await cli.Output.WriteLineAsync(Line(row, widths, lastWidth));
        }
    }

    private static string Line(List<string> cells, List<int> widths, int lastWidth)
    {
        var parts = cells.Select((c, i) => i == cells.Count - 1 ? Cut(c, lastWidth) : c.PadRight(widths[i]));
        return string.Join("  ", parts).TrimEnd();
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    private static int WindowWidth()
    {
        try
        {
            return Console.WindowWidth is > 40 and var width ? width : 120;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            // No console to ask (a test, a service): the common default.
            return 120;
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "yes" : "",
        DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => TerminalText.Escape(value.ToString(), oneLine: true),
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        DateTimeOffset at => JsonValue.Create(at.ToString("O", CultureInfo.InvariantCulture)),
        IEnumerable<string> list => new JsonArray(list.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        IEnumerable<int> list => new JsonArray(list.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
