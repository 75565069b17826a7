using System.Text.RegularExpressions;
using BackgroundBot.Answering;
using BackgroundBot.Community;
using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;

namespace BackgroundBot.Faq;

/// <summary>
/// The FAQ: the questions members asked over a period, grouped by meaning (the embedding model: two questions whose
/// vectors are at least <see cref="SameMeaning"/> alike are one entry; without a model, the same words), most asked first,
/// each answered again now, so an answer whose source was retracted since no longer cites it. Pinned entries come first;
/// hidden ones, and groups the store cannot answer now, are left out.
/// </summary>
public sealed partial class FaqBuilder(ICommunityStore community, IFaqStore faq, IKnowledgeStore knowledge, IAnswerer answerer, SemanticSearch semantic, TimeProvider time)
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(90);

    /// <summary>Cosine similarity at or above which two questions are one entry (checked on paraphrases of the pack's questions).</summary>
    public const float SameMeaning = 0.86f;

    public async Task<IReadOnlyList<FaqItem>> BuildAsync(string? topic, TimeSpan period, int count, CancellationToken cancellationToken)
    {
        var curations = faq.ListFaqCurations().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var groups = await GroupAsync(community.AnswersSince(time.GetUtcNow() - period), cancellationToken);
        var ordered = groups
            .Select(g => (Group: g, Curation: g.Keys.Select(k => curations.GetValueOrDefault(k)).FirstOrDefault(c => c is not null)))
            .Where(g => g.Curation?.Hidden != true)
            .OrderByDescending(g => g.Curation?.Pinned == true)
            .ThenByDescending(g => g.Group.Questions.Count)
            .ThenByDescending(g => g.Group.Questions.Max(q => q.CreatedAt));
        var items = new List<FaqItem>();
        foreach (var (group, curation) in ordered)
        {
            if (items.Count == count)
            {
                break;
            }

            var wordings = group.Questions.GroupBy(q => q.Question.Trim(), StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(w => w.Count()).ThenByDescending(w => w.Max(q => q.CreatedAt)).Select(w => w.Key).ToList();
            var question = curation?.Wording ?? wordings[0];
            // Answered again now and not recorded as a gap: the FAQ asking is not a member asking.
            var result = await answerer.AskAsync(new AskRequest(question, RecordGap: false), cancellationToken);
            if (result.Answer is not { Grounded: true } answer || (topic is not null && !Cites(answer, topic)))
            {
                continue;
            }

            items.Add(new FaqItem(curation?.Id ?? group.Keys[0], question, group.Questions.Count, group.Questions.Max(q => q.CreatedAt), curation?.Pinned == true, wordings, answer));
        }

        return items;
    }

    /// <summary>Finds the entry a moderator means: a question of the period in normal form, or one of the same meaning.</summary>
    public async Task<string?> FindKeyAsync(string question, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var groups = await GroupAsync(community.AnswersSince(time.GetUtcNow() - period), cancellationToken);
        var key = Normalise(question);
        if (groups.FirstOrDefault(g => g.Keys.Contains(key)) is { } exact)
        {
            return exact.Keys[0];
        }

        var vector = await semantic.EmbedQuestionAsync(question, cancellationToken);
        return vector is null ? null : groups.Where(g => g.Vector is not null).Select(g => (g, Similarity: Dot(vector, g.Vector!))).Where(x => x.Similarity >= SameMeaning)
            .OrderByDescending(x => x.Similarity).Select(x => x.g.Keys[0]).FirstOrDefault();
    }

    /// <summary>A question in normal form: lower case, words only, so "Who monitors the Lachin corridor?" and "who monitors the lachin corridor" are one.</summary>
    public static string Normalise(string question) =>
        string.Join(' ', NonWord().Split(question.ToLowerInvariant()).Where(w => w.Length > 0));

    private bool Cites(GroundedAnswer answer, string topic) =>
        answer.Citations.Any(c => c.FactId is { } id && string.Equals(knowledge.FindFact(id)?.Topic, topic, StringComparison.OrdinalIgnoreCase));

    private async Task<List<QuestionGroup>> GroupAsync(IReadOnlyList<AnswerRecord> answers, CancellationToken cancellationToken)
    {
        var groups = new List<QuestionGroup>();
        var vectors = new Dictionary<string, float[]?>(StringComparer.Ordinal);
        foreach (var answer in answers.Where(a => !string.IsNullOrWhiteSpace(a.Question)).OrderBy(a => a.CreatedAt))
        {
            var key = Normalise(answer.Question);
            if (!vectors.TryGetValue(key, out var vector))
            {
                vectors[key] = vector = await semantic.EmbedQuestionAsync(answer.Question, cancellationToken);
            }

            // The same words are one entry; otherwise the group whose first question is nearest in meaning, if near enough.
            var group = groups.FirstOrDefault(g => g.Keys.Contains(key))
                ?? (vector is null ? null : groups.Where(g => g.Vector is not null).Select(g => (g, Similarity: Dot(vector, g.Vector!)))
                    .Where(x => x.Similarity >= SameMeaning).OrderByDescending(x => x.Similarity).Select(x => x.g).FirstOrDefault());
            if (group is null)
            {
                groups.Add(group = new QuestionGroup(vector));
            }

            if (!group.Keys.Contains(key))
            {
                group.Keys.Add(key);
            }

            group.Questions.Add(answer);
        }

        return groups;
    }

    // Both vectors are normalised, so their dot product is their cosine similarity.
    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    private sealed class QuestionGroup(float[]? vector)
    {
        public float[]? Vector { get; } = vector;
        public List<string> Keys { get; } = [];
        public List<AnswerRecord> Questions { get; } = [];
    }
}
