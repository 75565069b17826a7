using BackgroundBot.Retrieval;
using BackgroundBot.Text;

namespace BackgroundBot.Answering;

/// <summary>
/// Chooses the sentences of the retrieved passages that answer a question. A sentence's coverage is the share of the
/// question's weight (each topic's BM25 inverse document frequency) whose terms it contains, so a sentence that holds
/// the rare words of the question beats one that repeats its common ones.
/// </summary>
public sealed class EvidenceSelector(TextAnalyzer analyzer, PassageIndex index)
{
    // A sentence this short is a heading or a fragment, not an answer.
    private const int MinSentenceWords = 5;

    // The share of the question's weight a second or third sentence must add to be worth its space.
    private const double MinGain = 0.2;

    private static bool IsYear(string term) =>
        term.Length == 4 && int.TryParse(term, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year is >= 1800 and < 2100;

    /// <summary>
    /// The best sentence first, then up to <paramref name="maxSentences"/> - 1 more that each cover a topic the
    /// earlier ones did not. Empty when no sentence covers at least <paramref name="minCoverage"/>.
    /// </summary>
    public IReadOnlyList<Evidence> Select(AnalyzedQuery query, IReadOnlyList<SearchHit> hits, int maxSentences, double minCoverage)
    {
        if (query.IsEmpty || hits.Count == 0)
        {
            return [];
        }

        // A word no passage holds cannot tell sentences apart; weighing it as the rarest word that does exist keeps a
        // generic verb ("give up" where the text says "ceded") from sinking an answer that covers everything else.
        var cap = index.IdfForDocumentFrequency(1);
        var weights = query.Groups.Select(g => g.Weight * g.Alternatives.Max(a => a.Average(t => Math.Min(index.Idf(t), cap)))).ToArray();
        var total = weights.Sum();
        var topScore = hits[0].Score;
        var askedYears = query.Groups.SelectMany(g => g.Terms).Where(IsYear).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<(Evidence Evidence, bool[] Covered)>();
        foreach (var hit in hits)
        {
            var text = hit.Passage.Text;
            var previous = new bool[query.Groups.Count];
            foreach (var range in SentenceSplitter.Split(text))
            {
                var sentence = text[range];
                var terms = analyzer.AnalyzeDocument(sentence).ToHashSet(StringComparer.Ordinal);
                var shares = query.Groups.Select(g => g.MatchShare(terms)).ToArray();
                var covered = shares.Select(s => s >= 1).ToArray();

                // The sentence before gives context at half credit: "Under the truce, Armenia ceded..." answers a
                // question about the 2020 truce because the sentence before it is about 2020.
                var coverage = shares.Select((s, i) => Math.Max(s * weights[i], previous[i] ? weights[i] / 2 : 0)).Sum() / total;
                previous = covered;

                // A question about 2020 is not answered by a sentence about 2016: a sentence dated only with other
                // years counts half. Undated sentences are left alone, since their year is often in the context.
                if (askedYears.Count > 0 && terms.Any(IsYear) && !terms.Any(askedYears.Contains))
                {
                    coverage /= 2;
                }

                if (coverage <= 0 || SentenceSplitter.CountWords(sentence) < MinSentenceWords)
                {
                    continue;
                }

                var score = coverage + (0.1 * hit.Score / topScore);
                candidates.Add((new Evidence(hit.Passage, sentence, coverage, score), covered));
            }
        }

        var ranked = candidates.OrderByDescending(c => c.Evidence.Score).ToList();
        if (ranked.Count == 0 || ranked[0].Evidence.Coverage < minCoverage)
        {
            return [];
        }

        var chosen = new List<Evidence> { ranked[0].Evidence };
        var coveredSoFar = ranked[0].Covered.ToArray();
        foreach (var (evidence, covered) in ranked.Skip(1))
        {
            if (chosen.Count >= maxSentences)
            {
                break;
            }

            var gain = covered.Select((c, i) => c && !coveredSoFar[i] ? weights[i] : 0).Sum() / total;
            // A further sentence must add a real share of what the question asked and be nearly as relevant as the
            // best one; a sentence that only adds a common word ("ended") makes a short answer worse, not better.
            if (gain < MinGain || evidence.Coverage < Math.Max(minCoverage, 0.6 * chosen[0].Coverage) || chosen.Any(e => e.Sentence == evidence.Sentence))
            {
                continue;
            }

            chosen.Add(evidence);
            for (var i = 0; i < covered.Length; i++)
            {
                coveredSoFar[i] |= covered[i];
            }
        }

        return chosen;
    }
}
