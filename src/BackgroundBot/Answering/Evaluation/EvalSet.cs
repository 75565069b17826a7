using System.Globalization;
using System.Text.Json;

namespace BackgroundBot.Answering.Evaluation;

/// <summary>Reads an evaluation file: <c>{"about": "...", "questions": [{"id", "question", "answer_keywords", "kind", "accounts"}]}</c>.</summary>
public static class EvalSet
{
    /// <summary>The questions, or the one problem that stops the file being read (naming where it is).</summary>
    public static (IReadOnlyList<EvalQuestion> Questions, string? Problem) Load(string path)
    {
        if (Directory.Exists(path))
        {
            return ([], $"{path} is a folder; give a question file (.json).");
        }

        if (!File.Exists(path))
        {
            return ([], $"File not found: {path}");
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            return Read(document.RootElement, Path.GetFileName(path));
        }
        catch (JsonException ex)
        {
            return ([], string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: not valid JSON at line {ex.LineNumber + 1}: {ex.Message}"));
        }
        catch (IOException ex)
        {
            return ([], $"{path} could not be read: {ex.Message}");
        }
    }

    private static (IReadOnlyList<EvalQuestion>, string?) Read(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("questions", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return ([], $"{file}: expected an object with a \"questions\" array.");
        }

        var questions = new List<EvalQuestion>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{file}: questions[{index++}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                return ([], $"{at} is not an object.");
            }

            var id = Text(item, "id") ?? at;
            var question = Text(item, "question");
            if (string.IsNullOrWhiteSpace(question))
            {
                return ([], $"{at}.question: missing.");
            }

            var kind = Text(item, "kind");
            if (kind is not (null or EvalQuestion.Contested or EvalQuestion.Refuse))
            {
                return ([], $"{at}.kind: \"{kind}\" is not one of contested, refuse (or absent for answerable).");
            }

            var keywords = Strings(item, "answer_keywords");
            if (kind != EvalQuestion.Refuse && keywords.Count == 0)
            {
                return ([], $"{at}.answer_keywords: an answerable question needs at least one keyword.");
            }

            var accounts = item.TryGetProperty("accounts", out var sides) && sides.ValueKind == JsonValueKind.Array
                ? sides.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Array)
                    .Select(s => (IReadOnlyList<string>)s.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).ToList())
                    .ToList()
                : [];
            questions.Add(new EvalQuestion(id, question, kind, keywords, accounts));
        }

        return questions.Count == 0 ? ([], $"{file}: the \"questions\" array is empty.") : (questions, null);
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.String).Select(k => k.GetString()!).ToList()
            : [];
}
