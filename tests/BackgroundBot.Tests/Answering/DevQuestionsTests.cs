using System.Text.Json;
using BackgroundBot.Tests.Infrastructure;

namespace BackgroundBot.Tests.Answering;

/// <summary>The development question set over the seed article (a copy of ../shared/eval/dev-questions.json).</summary>
public sealed class DevQuestionsTests
{
    private static readonly JsonElement[] Questions = LoadQuestions();

    [Fact]
    public void At_least_nine_of_the_ten_answerable_questions_get_a_keyword_and_the_evidence_cited()
    {
        using var store = new TestStore();
        var answerable = Questions.Where(q => !q.TryGetProperty("kind", out _)).ToList();
        var failures = new List<string>();

        foreach (var question in answerable)
        {
            var answer = store.Ask(question.GetProperty("question").GetString()!);
            var keywords = question.GetProperty("answer_keywords").EnumerateArray().Select(k => k.GetString()!);
            var evidence = question.GetProperty("evidence").GetString()!;
            var ok = answer.Grounded
                && keywords.Any(k => answer.Text.Contains(k, StringComparison.OrdinalIgnoreCase))
                && answer.Citations.Any(c => c.Quote.Contains(evidence, StringComparison.Ordinal));
            if (!ok)
            {
                failures.Add($"{question.GetProperty("id").GetString()}: {answer.Text}");
            }
        }

        Assert.Equal(10, answerable.Count);
        Assert.True(failures.Count <= 1, "Answered wrongly:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void Both_refusal_questions_are_declined()
    {
        using var store = new TestStore();

        var refusals = Questions.Where(q => q.TryGetProperty("kind", out var kind) && kind.GetString() == "refuse").ToList();

        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, q => Assert.False(store.Ask(q.GetProperty("question").GetString()!).Grounded));
    }

    private static JsonElement[] LoadQuestions()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "dev-questions.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("questions").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
