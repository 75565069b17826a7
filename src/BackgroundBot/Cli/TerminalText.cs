using System.Globalization;
using System.Text;

namespace BackgroundBot.Cli;

/// <summary>Stored text from members and articles, made safe to print: control characters (escape sequences) are shown, not obeyed.</summary>
public static class TerminalText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            safe.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c);
        }

        return safe.ToString();
    }
}
