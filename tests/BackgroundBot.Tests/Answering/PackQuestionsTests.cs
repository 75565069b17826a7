using System.Text.Json;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Answering;

/// <summary>
/// Questions a community asks, answered on the embedded default from the starter pack: each must mention one of its
/// keywords and cite the fact that answers it. Questions are paraphrases, many using the other side's place names.
/// </summary>
public sealed class PackQuestionsTests
{
    [Fact]
    public void At_least_30_pack_questions_are_answered_with_the_right_fact_cited()
    {
        using var store = new TestStore(pack: true);
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "pack-questions.json"));
        using var document = JsonDocument.Parse(stream);
        var questions = document.RootElement.GetProperty("questions").EnumerateArray().ToList();
        var passed = new List<string>();
        var failed = new List<string>();

        foreach (var question in questions)
        {
            var text = question.GetProperty("question").GetString()!;
            var key = question.GetProperty("fact_key").GetString()!;
            var answer = store.Ask(text);
            var fact = store.Store.FindFactByKey(key);
            var ok = answer.Grounded
                && question.GetProperty("answer_keywords").EnumerateArray().Any(k => answer.Text.Contains(k.GetString()!, StringComparison.OrdinalIgnoreCase))
                && answer.Citations.Any(c => c.FactId == fact?.Id);
            (ok ? passed : failed).Add($"{question.GetProperty("id").GetString()} {text} => {answer.Text}");
        }

        Assert.True(questions.Count >= 30);
        Assert.True(passed.Count >= 36, $"{passed.Count} of {questions.Count} passed. Failed:\n" + string.Join('\n', failed));
    }
}
