using System.Globalization;
using BackgroundBot.Knowledge;
using BackgroundBot.Retrieval;
using BackgroundBot.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackgroundBot.Answering;

/// <summary>
/// Chooses the sentences of the retrieved passages that answer a question. A sentence is judged by the share of the
/// question's weight (each topic's BM25 inverse document frequency) it covers and, with embeddings, by how close its
/// passage is in meaning; then by whether it carries what the question asks for (a date for "when", a number for "how
/// many"), whether it falls in the question's time ("the first war") and whether its actor is the question's ("when
/// did Azerbaijani forces take Shushi?" is not answered by a capture by Armenian forces).
/// </summary>
public sealed class EvidenceSelector(TextAnalyzer analyzer, PassageIndex index, IKnowledgeStore store, IOptions<AnsweringOptions> options, ILogger<EvidenceSelector> logger)
{
    // A sentence this short is a heading or a fragment, not an answer.
    private const int MinSentenceWords = 5;

    // The share of the question's weight a further sentence must add to be worth its space.
    private const double MinGain = 0.2;

    /// <summary>
    /// The best sentence first, then sentences for the parts of the question it leaves unanswered, then up to
    /// <paramref name="maxSentences"/> in all that each cover a topic the earlier ones did not. Empty when nothing
    /// clears the relevance bars (<see cref="AnsweringOptions.MinCoverage"/>, <see cref="AnsweringOptions.MinSimilarity"/>).
    /// </summary>
    public IReadOnlyList<Evidence> Select(AnalyzedQuery query, QuestionReading reading, IReadOnlyList<SearchHit> hits, int maxSentences, double minCoverage)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(hits);
        // A question of several parts shares its words and meaning among them, so no one sentence holds as much of it.
        if (reading.Parts.Count > 1)
        {
            minCoverage *= MultiPartShare;
        }

        var ranked = Candidates(query, reading, hits).OrderByDescending(c => c.Evidence.Score).ToList();
        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var candidate in ranked.Take(8))
            {
                var similarity = candidate.Similarity?.ToString("F3", CultureInfo.InvariantCulture) ?? "none";
                Log.Candidate(logger, candidate.Evidence.Score, candidate.Evidence.Coverage, similarity, IsRelevant(candidate, minCoverage), candidate.Evidence.Sentence);
            }
        }

        if (ranked.Count == 0 || !IsRelevant(ranked[0], minCoverage))
        {
            return [];
        }

        var best = ranked[0];
        var chosen = new List<Candidate> { best };
        var coveredSoFar = best.Covered.ToArray();
        var offered = best.Offers;

        // Each part of a multi-part question is answered: "what was the Bishkek Protocol and who signed it?" needs a
        // sentence that names people if the first does not.
        foreach (var part in reading.Parts.Where(p => p.Need != AnswerNeed.None))
        {
            if (chosen.Count >= maxSentences || (offered & part.Need) == part.Need)
            {
                continue;
            }

            var extra = ranked.FirstOrDefault(c => (c.Offers & part.Need) != 0 && IsRelevant(c, minCoverage) && c.Evidence.Relevance >= 0.75 * best.Evidence.Relevance && !Repeats(chosen, c));
            if (extra is not null)
            {
                chosen.Add(extra);
                offered |= extra.Offers;
                Mark(coveredSoFar, extra.Covered);
            }
        }

        foreach (var candidate in ranked.Skip(1))
        {
            if (chosen.Count >= maxSentences)
            {
                break;
            }

            var gain = candidate.Covered.Select((c, i) => c && !coveredSoFar[i] ? candidate.Weights[i] : 0).Sum() / candidate.Weights.Sum();

            // A further sentence must add a real share of what the question asked and be nearly as good as the best
            // one; a sentence that only adds a common word ("ended") makes a short answer worse, not better.
            if (gain < MinGain || candidate.Evidence.Coverage < Math.Max(minCoverage, 0.6 * best.Evidence.Coverage)
                || candidate.Evidence.Score < 0.8 * best.Evidence.Score || Repeats(chosen, candidate))
            {
                continue;
            }

            chosen.Add(candidate);
            Mark(coveredSoFar, candidate.Covered);
        }

        return chosen.Select(c => c.Evidence).ToList();
    }

    /// <summary>Every sentence of the hits that touches the question, scored.</summary>
    private List<Candidate> Candidates(AnalyzedQuery query, QuestionReading reading, IReadOnlyList<SearchHit> hits)
    {
        if (query.IsEmpty || hits.Count == 0)
        {
            return [];
        }

        // A word no passage holds cannot tell sentences apart; weighing it as the rarest word that does exist keeps a
        // generic verb ("give up" where the text says "ceded") from sinking an answer that covers everything else.
        var weights = query.Groups.Select(Weight).ToArray();
        var total = weights.Sum();
        var topScore = hits.Max(h => h.Score);
        var settings = options.Value;
        var newest = reading.AsksPresent ? NewestYear(hits) : 0;
        var candidates = new List<Candidate>();
        foreach (var hit in hits)
        {
            var fact = hit.Passage.FactId is { } factId ? store.FindFact(factId) : null;
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
                if (SentenceSplitter.CountWords(sentence) < MinSentenceWords || (coverage <= 0 && hit.Similarity is null))
                {
                    continue;
                }

                var meaning = hit.Similarity is { } similarity
                    ? Math.Clamp((similarity - settings.SimilarityFloor) / (settings.SimilarityCeiling - settings.SimilarityFloor), 0, 1)
                    : (double?)null;
                var relevance = meaning is { } m ? ((1 - settings.MeaningWeight) * coverage) + (settings.MeaningWeight * m) : coverage;
                var offers = SentenceTraits.Offers(sentence);
                var score = relevance + Adjustment(reading, sentence, offers, fact, hit.Passage, newest) + (0.05 * hit.Score / topScore);
                candidates.Add(new Candidate(new Evidence(hit.Passage, sentence, coverage, score, fact, relevance), covered, weights, offers, hit.Similarity));
            }
        }

        return candidates;
    }

    /// <summary>
    /// How much a group of the question counts: its inverse document frequency, as one concept for a group of synonyms.
    /// A word no passage holds cannot tell sentences apart and is often chat ("actually", "i heard"): it counts as a
    /// common word, so it neither sinks a relevant answer nor lifts an irrelevant one; meaning decides those.
    /// </summary>
    private double Weight(QueryGroup group)
    {
        var rarest = index.IdfForDocumentFrequency(1);
        var absent = AbsentWordWeight * rarest;
        double TermWeight(string term) => index.Frequency(term) > 0 ? Math.Min(index.Idf(term), rarest) : absent;
        var weight = group.Alternatives.Max(a => a.Average(TermWeight));
        if (group.Synonyms)
        {
            var together = group.Alternatives.Where(a => a.Count == 1).Sum(a => index.Frequency(a[0]));
            if (together > 0)
            {
                weight = Math.Min(weight, index.IdfForDocumentFrequency(together));
            }
        }

        return group.Weight * weight;
    }

    // The share of the coverage bar, and the allowance on the similarity bar, for a question of several parts.
    private const double MultiPartShare = 0.7;
    private const double MultiPartSimilarityAllowance = 0.1;

    // How much lower the similarity bar is for an article passage than for a fact's statement.
    private const double ArticlePassageSimilarityAllowance = 0.06;

    // A sentence that holds nearly all of the question's weight needs only a little support by meaning.
    private const double StrongCoverage = 0.75;

    // The weight of a word no passage holds, as a share of the rarest word's.
    private const double AbsentWordWeight = 1.0;

    private bool IsRelevant(Candidate candidate, double minCoverage)
    {
        var settings = options.Value;
        var minSimilarity = minCoverage < settings.MinCoverage ? settings.MinSimilarity - MultiPartSimilarityAllowance : settings.MinSimilarity;

        // An article passage runs to a hundred words about several things, so its similarity to any one question is
        // lower than a one-sentence fact's.
        if (candidate.Evidence.Fact is null)
        {
            minSimilarity -= ArticlePassageSimilarityAllowance;
        }

        if (candidate.Similarity is not { } similarity)
        {
            return candidate.Evidence.Coverage >= minCoverage;
        }

        // Words and meaning must both point at the sentence, unless one of them is decisive: a fact phrased in other
        // words is still answered, and an off-target sentence that shares a few words is not cited.
        return (candidate.Evidence.Coverage >= minCoverage && similarity >= minSimilarity)
            || (candidate.Evidence.Coverage >= minCoverage / 2 && similarity >= settings.StrongSimilarity)
            || (candidate.Evidence.Coverage >= StrongCoverage && similarity >= settings.SimilarityFloor);
    }

    private static double Adjustment(QuestionReading reading, string sentence, AnswerNeed offers, Fact? fact, Passage passage, int newest)
    {
        var adjustment = 0.0;
        foreach (var need in new[] { AnswerNeed.When, AnswerNeed.HowMany, AnswerNeed.Why, AnswerNeed.Who, AnswerNeed.Where })
        {
            // In a question about the sides' accounts, "who started it?" is answered by whose account it is.
            if ((reading.Needs & need) != 0 && !(need == AnswerNeed.Who && reading.IsContested))
            {
                var strong = need is AnswerNeed.When or AnswerNeed.HowMany or AnswerNeed.Why;
                adjustment += (offers & need) != 0 ? (strong ? 0.05 : 0.02) : (strong ? -0.12 : -0.05);
            }
        }

        if (reading.CountedNoun is { } noun && SentenceTraits.Counts(sentence, noun))
        {
            adjustment += 0.25;
        }

        if (reading.Scope is { } scope && YearsOf(sentence, fact) is { } years)
        {
            // An account is dated when it was given, not when the event it describes happened: out of the question's
            // time it loses less than a dated event does.
            // A curated fact's date is what it is about; the years its sentence names may be when a source wrote
            // ("a 2023 overview … sums up the first war"). Only an account, dated when given, is also read by them.
            var named = fact is { ClaimedBy: null, Date: not null } ? false : SentenceTraits.Years(sentence).Any(scope.Contains);
            adjustment += scope.Overlaps(years.From, years.To) || named ? 0.08 : fact?.ClaimedBy is null ? -0.35 : -0.1;
        }

        if (reading.Actor is { } actor && SentenceTraits.CaptureActor(sentence) is { } acted)
        {
            adjustment += acted == actor ? 0.05 : -0.35;
        }

        if (reading.AsksPresent && newest > 0 && YearsOf(sentence, fact) is { } dated)
        {
            // "Is the Minsk Group still a thing?" is answered by the newest facts, never by what later facts overtook.
            adjustment += 0.3 - (0.08 * Math.Min(5, newest - dated.To));
        }

        if (reading.IsContested && (fact?.Dispute is not null || fact?.ClaimedBy is not null))
        {
            adjustment += 0.1;
        }

        return adjustment;
    }

    /// <summary>The years a sentence is about: its fact's date (and end), else the years it names.</summary>
    internal static YearRange? YearsOf(string sentence, Fact? fact)
    {
        if (fact?.Date is { Length: >= 4 } date && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            var to = fact.DateEnd is { Length: >= 4 } end && int.TryParse(end.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var until) ? until : from;
            return new YearRange(from, to);
        }

        var years = SentenceTraits.Years(sentence);
        return years.Count == 0 ? null : new YearRange(years.Min(), years.Max());
    }

    private int NewestYear(IReadOnlyList<SearchHit> hits) =>
        hits.Select(h => h.Passage.FactId is { } id ? YearsOf("", store.FindFact(id))?.To ?? 0 : SentenceTraits.Years(h.Passage.Text).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max();

    private static bool Repeats(List<Candidate> chosen, Candidate candidate) =>
        chosen.Any(c => c.Evidence.Sentence == candidate.Evidence.Sentence || (c.Evidence.Passage.Id == candidate.Evidence.Passage.Id && c.Evidence.Fact is not null));

    private static void Mark(bool[] coveredSoFar, bool[] covered)
    {
        for (var i = 0; i < covered.Length; i++)
        {
            coveredSoFar[i] |= covered[i];
        }
    }

    /// <summary>A scored sentence, with which of the question's topics it covers and what it can answer.</summary>
    private sealed record Candidate(Evidence Evidence, bool[] Covered, double[] Weights, AnswerNeed Offers, float? Similarity);
}
