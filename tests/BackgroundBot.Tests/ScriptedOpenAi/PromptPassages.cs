using System.Text.Json.Nodes;

namespace BackgroundBot.Tests.ScriptedOpenAi;

/// <summary>Reads a recorded chat request the way a model would: its messages and its numbered passages.</summary>
public static class PromptPassages
{
    private const string Open = "<passages>\n";
    private const string Close = "\n</passages>";

    public static string System(JsonNode request) => Message(request, "system");

    public static string User(JsonNode request) => Message(request, "user");

    /// <summary>
    /// The quoted block as sent, asserting that the prompt has exactly one opening and one closing fence: a second
    /// one would be a fence an article forged.
    /// </summary>
    public static string Block(JsonNode request)
    {
        var user = User(request);
        Assert.Single(Occurrences(user, "<passages>"));
        Assert.Single(Occurrences(user, "</passages>"));
        return Between(user);
    }

    /// <summary>The passages as the model reads them: the block parsed as the JSON array it is.</summary>
    public static JsonArray Passages(JsonNode request) => JsonNode.Parse(Between(User(request)))!.AsArray();

    /// <summary>The number the prompt gave the passage that contains <paramref name="text"/>.</summary>
    public static int NumberOf(JsonNode request, string text) =>
        Passages(request).FirstOrDefault(p => p!["text"]!.GetValue<string>().Contains(text, StringComparison.Ordinal))?["n"]!.GetValue<int>()
        ?? throw new InvalidOperationException($"No passage in the prompt contains '{text}'.");

    public static int Count(JsonNode request) => Passages(request).Count;

    // From the template's opening fence to its closing one (the last), whatever an article put in between.
    private static string Between(string user)
    {
        var start = user.IndexOf(Open, StringComparison.Ordinal);
        var end = user.LastIndexOf(Close, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("The prompt has no <passages> block.");
        }

        return user[(start + Open.Length)..end];
    }

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    private static string Message(JsonNode request, string role) =>
        request["messages"]!.AsArray().Single(m => m!["role"]!.GetValue<string>() == role)!["content"]!.GetValue<string>();
}
