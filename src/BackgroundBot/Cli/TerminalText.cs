using System.Globalization;
using System.Text;

namespace BackgroundBot.Cli;

/// <summary>
/// Stored text as a terminal may show it. Questions, suggestions and article titles come from members and uploads; an
/// escape sequence in one would otherwise reach the operator's terminal and act there (recolour, retitle, rewrite
/// the screen), and bidirectional overrides would make it read differently than it is.
/// </summary>
public static class TerminalText
{
    /// <summary>Control characters shown as <c>\x1B</c> (or <c>\u202E</c>); line breaks and tabs kept unless <paramref name="oneLine"/>.</summary>
    public static string Escape(string? text, bool oneLine = false)
    {
        if (string.IsNullOrEmpty(text) || !text.AsSpan().ContainsAny(Unsafe(oneLine)))
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (oneLine && c is '\n' or '\r' or '\t')
            {
                escaped.Append(c switch { '\n' => "\\n", '\r' => "\\r", _ => "\\t" });
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                escaped.Append(c);
            }
            else if (IsUnsafe(c) && c is not ('\n' or '\t'))
            {
                escaped.Append(c <= '\u00FF' ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < ' ' || c is (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static System.Buffers.SearchValues<char> Unsafe(bool oneLine) => oneLine ? AnyControl : ControlButLines;

    private static readonly System.Buffers.SearchValues<char> AnyControl = System.Buffers.SearchValues.Create(Characters(keepLines: false));

    private static readonly System.Buffers.SearchValues<char> ControlButLines = System.Buffers.SearchValues.Create(Characters(keepLines: true));

    private static string Characters(bool keepLines) =>
        new(Enumerable.Range(0, 0x206A).Select(i => (char)i).Where(c => IsUnsafe(c) && !(keepLines && c is '\n' or '\t')).ToArray());
}
