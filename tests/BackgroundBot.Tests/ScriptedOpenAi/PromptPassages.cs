using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BackgroundBot.Tests.ScriptedOpenAi;

/// <summary>Reads a recorded chat request the way a model would: its messages and its numbered passages.</summary>
public static partial class PromptPassages
{
    public static string System(JsonNode request) => Message(request, "system");

    public static string User(JsonNode request) => Message(request, "user");

    /// <summary>The number the prompt gave the passage that contains <paramref name="text"/>.</summary>
    public static int NumberOf(JsonNode request, string text)
    {
        foreach (Match match in Numbered().Matches(User(request)))
        {
            if (match.Groups[2].Value.Contains(text, StringComparison.Ordinal))
            {
                return int.Parse(match.Groups[1].Value, global::System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No passage in the prompt contains '{text}'.");
    }

    public static int Count(JsonNode request) => Numbered().Matches(User(request)).Count;

    private static string Message(JsonNode request, string role) =>
        request["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == role)!["content"]!.GetValue<string>();

    [GeneratedRegex(@"^\[(\d+)\] from .*?\n(.*?)(?=\n\n\[\d+\] from |\n</passages>)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Numbered();
}
