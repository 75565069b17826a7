using System.Text;

namespace BackgroundBot.Benchmarks.Corpus;

/// <summary>
/// Writes a synthetic news archive about the conflict, the same for the same size and seed: articles of 5 to 12
/// paragraphs of about 80 words, built from recurring facts (aid convoys, talks, shelling, prisoner exchanges...)
/// with varying places, dates and numbers, and background sentences. One question per fact template has its
/// details written into exactly one passage (every other use of that template is given different details), so
/// the passage that answers it is known; a few questions name a town by its other name (Khankendi for Stepanakert).
/// </summary>
public static class CorpusGenerator
{
    public const int DefaultSeed = 1994;

    // Questions per corpus: one per fact template.
    public static int QuestionCount => NewsTemplates.Facts.Length;

    // How many of the town questions use the town's other name.
    private const int OtherNameQuestions = 3;

    // Share of sentences drawn from the fact templates rather than background, so every question has near misses.
    private const double FactShare = 0.2;

    public static SyntheticCorpus Generate(int passageCount, int seed = DefaultSeed)
    {
        if (passageCount < QuestionCount)
        {
            throw new ArgumentOutOfRangeException(nameof(passageCount), $"A corpus needs at least {QuestionCount} passages, one per question.");
        }

        // Questions depend on the seed only, so every corpus size asks the same questions.
        var questionRandom = new Random(seed);
        var reserved = new HashSet<string>(StringComparer.Ordinal);
        var planted = new List<(string Fact, string Question, bool OtherName)>();
        var otherNamesLeft = OtherNameQuestions;
        for (var t = 0; t < NewsTemplates.Facts.Length; t++)
        {
            var template = NewsTemplates.Facts[t];
            var useOtherName = template.NamesTown && otherNamesLeft-- > 0;
            Slots slots;
            do
            {
                slots = Slots.Draw(questionRandom);
                if (useOtherName)
                {
                    slots = slots with { Town = Slots.Pick(questionRandom, Vocabulary.OtherName.Keys.ToList()) };
                }
            }
            while (!reserved.Add(ReservedKey(t, template, slots)));

            var asked = useOtherName ? slots with { Town = Vocabulary.OtherName[slots.Town] } : slots;
            planted.Add((template.Fact(slots), template.Question(asked), useOtherName));
        }

        // Not HashCode.Combine: it is seeded per process, and every process must write the same corpus.
        var random = new Random(unchecked((seed * 1_000_003) + passageCount) & int.MaxValue);
        var targets = new Dictionary<int, int>();
        while (targets.Count < planted.Count)
        {
            targets.TryAdd(random.Next(passageCount), targets.Count);
        }

        var articles = new List<SyntheticArticle>();
        var passages = new List<string>(passageCount);
        var questions = new BenchQuestion[planted.Count];
        while (passages.Count < passageCount)
        {
            var first = passages.Count;
            var paragraphs = new List<string>();
            var length = Math.Min(random.Next(5, 13), passageCount - first);
            for (var p = 0; p < length; p++)
            {
                var index = first + p;
                string? fact = null;
                var factTemplate = -1;
                if (targets.TryGetValue(index, out var question))
                {
                    fact = planted[question].Fact;
                    factTemplate = question;
                    questions[question] = new BenchQuestion(planted[question].Question, index, fact, planted[question].OtherName);
                }

                paragraphs.Add(Paragraph(random, reserved, fact, factTemplate));
            }

            passages.AddRange(paragraphs);
            var title = Slots.Pick(random, NewsTemplates.Titles)(Slots.Draw(random));
            var published = new DateOnly(random.Next(1992, 2025), random.Next(1, 13), random.Next(1, 29));
            articles.Add(new SyntheticArticle(title, $"https://news.example/{published.Year}/{articles.Count + 1}", published, paragraphs, first));
        }

        return new SyntheticCorpus(articles, passages, questions);
    }

    /// <summary>An article as the text file a moderator would import (headers, blank line, paragraphs).</summary>
    public static string ToFileText(SyntheticArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = new StringBuilder()
            .Append("title: ").AppendLine(article.Title)
            .Append("url: ").AppendLine(article.Url)
            .Append("date: ").AppendLine(article.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .AppendLine();
        foreach (var paragraph in article.Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        return text.ToString();
    }

    private static string ReservedKey(int template, FactTemplate fact, Slots slots) => $"{template}:{fact.Key(slots)}";

    // 70 to 100 words: whole sentences, the planted fact (if any) at a random place among them. No kind of sentence
    // comes twice in a paragraph, as in real reporting (and so no passage wins on a repeated template alone).
    private static string Paragraph(Random random, HashSet<string> reserved, string? fact, int factTemplate)
    {
        var sentences = new List<string>();
        var used = new HashSet<int>();
        var words = 0;
        if (fact is not null)
        {
            sentences.Add(fact);
            used.Add(factTemplate);
            words += CountWords(fact);
        }

        while (words < 70)
        {
            var (template, sentence) = Sentence(random, reserved);
            var count = CountWords(sentence);
            if (words + count > 100 || !used.Add(template))
            {
                continue;
            }

            sentences.Insert(random.Next(sentences.Count + 1), sentence);
            words += count;
        }

        return string.Join(' ', sentences);
    }

    // A sentence and its template number (fact templates first, then background ones).
    private static (int Template, string Text) Sentence(Random random, HashSet<string> reserved)
    {
        var slots = Slots.Draw(random);
        if (random.NextDouble() >= FactShare)
        {
            var b = random.Next(NewsTemplates.Background.Length);
            return (NewsTemplates.Facts.Length + b, NewsTemplates.Background[b](slots));
        }

        var t = random.Next(NewsTemplates.Facts.Length);
        var template = NewsTemplates.Facts[t];
        while (reserved.Contains(ReservedKey(t, template, slots)))
        {
            slots = Slots.Draw(random);
        }

        return (t, template.Fact(slots));
    }

    private static int CountWords(string text) => text.Count(c => c == ' ') + 1;
}
